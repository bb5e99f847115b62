import { describe, expect, it } from 'vitest';
import type { ResultsShown } from '@plenum/shared';
import { nextTab, plenaryResults } from './plenary-results.ts';

const results = (phaseId: string): ResultsShown => ({
  phaseId,
  title: 'Arbeitsgruppen',
  shownAt: '2026-03-12T11:00:00Z',
  groups: [{ roomId: 'r1', name: 'AG 1', body: '- Radwege' }],
});

describe('results in the plenary', () => {
  it('shows what the server shows, and hides only the phase it hides', () => {
    const shown = plenaryResults(null, { type: 'shown', results: results('p1') });
    expect(shown?.phaseId).toBe('p1');
    expect(plenaryResults(shown, { type: 'hidden', phaseId: 'p0' })).toBe(shown);
    expect(plenaryResults(shown, { type: 'hidden', phaseId: 'p1' })).toBeNull();
  });

  it('a new phase takes earlier results off the plenary', () => {
    const shown = plenaryResults(null, { type: 'shown', results: results('p1') });
    expect(plenaryResults(shown, { type: 'phaseOpened' })).toBeNull();
  });

  it('a reload replaces whatever was shown, also with nothing', () => {
    const shown = plenaryResults(null, { type: 'shown', results: results('p1') });
    expect(plenaryResults(shown, { type: 'loaded', results: null })).toBeNull();
    expect(plenaryResults(shown, { type: 'loaded', results: results('p2') })?.phaseId).toBe('p2');
  });

  it('the group tabs follow the arrow keys, Home and End, and wrap', () => {
    expect(nextTab('ArrowRight', 2, 3)).toBe(0);
    expect(nextTab('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTab('Home', 2, 3)).toBe(0);
    expect(nextTab('End', 0, 3)).toBe(2);
    expect(nextTab('a', 0, 3)).toBeNull();
    expect(nextTab('ArrowRight', 0, 0)).toBeNull();
  });
});
