import { describe, expect, it, vi } from 'vitest';
import type { CaptionLine } from '@plenum/shared';
import { CaptionPacer } from './caption-pacing.ts';
import { applyCaption, emptyCaptions, loadCaptionPrefs, VISIBLE_LINES } from './captions.ts';

const room = '00000000-0000-4000-8000-000000000001';
const clara = '00000000-0000-4000-8000-00000000000c';
const line = (seq: number, text: string, final: boolean, roomId = room): CaptionLine => ({
  roomId,
  captionerId: clara,
  seq,
  text,
  final,
  at: '2026-03-12T09:00:00.000Z',
});

describe('captions on the client', () => {
  it('interim text replaces the current line and a final one commits it', () => {
    let s = emptyCaptions(room);
    s = applyCaption(s, line(0, 'Guten', false));
    s = applyCaption(s, line(0, 'Guten Morgen', false));
    expect(s.typing[clara]?.text).toBe('Guten Morgen');
    s = applyCaption(s, line(0, 'Guten Morgen.', true));
    expect(s.done.map((l) => l.text)).toEqual(['Guten Morgen.']);
    expect(s.typing).toEqual({});
  });

  it('an interim that arrives after its line was committed is dropped', () => {
    let s = applyCaption(emptyCaptions(room), line(0, 'Fertig.', true));
    s = applyCaption(s, line(0, 'Fert', false));
    expect(s.typing).toEqual({});
    s = applyCaption(s, line(1, 'Weiter', false));
    expect(s.typing[clara]?.text).toBe('Weiter');
  });

  it('lines of another room are ignored, and only the last few stay on screen', () => {
    let s = applyCaption(emptyCaptions(room), line(0, 'Anderswo', true, clara));
    expect(s.done).toEqual([]);
    for (let i = 0; i < 5; i++) s = applyCaption(s, line(i, `Zeile ${i}`, true));
    expect(s.done).toHaveLength(VISIBLE_LINES);
    expect(s.done.at(-1)?.text).toBe('Zeile 4');
  });

  it('the viewer’s choices survive broken storage', () => {
    expect(loadCaptionPrefs({ getItem: () => '{"on":true,"size":"l"}' })).toEqual({
      on: true,
      size: 'l',
    });
    expect(loadCaptionPrefs({ getItem: () => '{not json' })).toEqual({ on: false, size: 'm' });
    expect(loadCaptionPrefs(null)).toEqual({ on: false, size: 'm' });
  });
});

describe('pacing a captioner', () => {
  it('sends the first keystroke at once and then the latest text at most every 100 ms', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const sent: [number, string][] = [];
      const pacer = new CaptionPacer((text) => sent.push([Date.now(), text]), 100, Date.now);
      pacer.typed('G');
      await vi.advanceTimersByTimeAsync(0);
      for (const text of ['Gu', 'Gut', 'Gute', 'Guten']) {
        await vi.advanceTimersByTimeAsync(30);
        pacer.typed(text);
      }
      await vi.advanceTimersByTimeAsync(200);
      // Typed at 30, 60, 90 and 120 ms: "Gute" goes at 100 ms, "Guten" at 200 ms.
      expect(sent).toEqual([
        [0, 'G'],
        [100, 'Gute'],
        [200, 'Guten'],
      ]);
      pacer.typed('Guten M');
      pacer.cancel();
      await vi.advanceTimersByTimeAsync(200);
      expect(sent).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
