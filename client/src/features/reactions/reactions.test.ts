import { describe, expect, it } from 'vitest';
import { addCounts, bubblesOf, ReactionPacer, summarize } from './reactions.ts';

describe('reactions on the client', () => {
  it('the pacer lets three reactions through at once, then one a second', () => {
    const pacer = new ReactionPacer({ max: 3, windowMs: 3000 });
    expect([pacer.take(0), pacer.take(10), pacer.take(20), pacer.take(30)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(pacer.waitMs(1000)).toBe(2000);
    expect(pacer.take(3001)).toBe(true);
    expect(pacer.take(3002)).toBe(false);
  });

  it('bursts add up to a summary, most frequent first', () => {
    const total = addCounts(addCounts({}, { applause: 2 }), { applause: 1, thumbsUp: 1 });
    const label = (kind: string) => (kind === 'applause' ? 'Applaus' : 'Daumen hoch');
    expect(summarize(total, label)).toBe('3 × Applaus, 1 × Daumen hoch');
  });

  it('a burst becomes one bubble per kind, not one per click', () => {
    const bubbles = bubblesOf({ applause: 40, laugh: 2 }, () => 0.5);
    expect(bubbles.map((b) => [b.kind, b.count, b.left])).toEqual([
      ['applause', 40, 50],
      ['laugh', 2, 50],
    ]);
  });
});
