import { describe, expect, it } from 'vitest';
import { mergeSpans, presenceMinutes, type SourcedSpan } from './attendance-merge.ts';

const at = (hhmm: string) => new Date(`2026-03-12T${hhmm}:00Z`);
const span = (from: string, to: string | null, source: SourcedSpan['source']): SourcedSpan => ({
  joinedAt: at(from),
  leftAt: to ? at(to) : null,
  source,
});
const now = at('12:00');

describe('merging presence from sockets and media', () => {
  it('a socket and media overlapping in the same room count once', () => {
    const spans = [span('09:00', '10:00', 'socket'), span('09:30', '10:30', 'media')];
    expect(presenceMinutes(spans, now)).toEqual({ totalMinutes: 90, mediaMinutes: 60 });
  });

  it('media inside a socket interval adds nothing to the time present', () => {
    const spans = [span('09:00', '11:00', 'socket'), span('09:15', '09:45', 'media')];
    expect(presenceMinutes(spans, now)).toEqual({ totalMinutes: 120, mediaMinutes: 30 });
  });

  it('someone who follows by chat only is present without media', () => {
    expect(presenceMinutes([span('09:00', '09:20', 'socket')], now)).toEqual({
      totalMinutes: 20,
      mediaMinutes: 0,
    });
  });

  it('separate spans add up, touching ones join, open ones run to now', () => {
    const spans = [
      span('09:00', '09:10', 'socket'),
      span('09:10', '09:20', 'media'),
      span('10:00', '10:05', 'socket'),
      span('11:50', null, 'socket'),
    ];
    expect(mergeSpans(spans, now)).toEqual([
      [at('09:00').getTime(), at('09:20').getTime()],
      [at('10:00').getTime(), at('10:05').getTime()],
      [at('11:50').getTime(), now.getTime()],
    ]);
    expect(presenceMinutes(spans, now)).toEqual({ totalMinutes: 35, mediaMinutes: 10 });
  });

  it('two tabs and a reconnect of the same source count once', () => {
    const spans = [
      span('09:00', '10:00', 'socket'),
      span('09:05', '09:55', 'socket'),
      span('09:59', '10:10', 'socket'),
    ];
    expect(presenceMinutes(spans, now).totalMinutes).toBe(70);
  });

  it('empty and reversed spans count nothing', () => {
    expect(mergeSpans([span('10:00', '09:00', 'media')], now)).toEqual([]);
    expect(presenceMinutes([], now)).toEqual({ totalMinutes: 0, mediaMinutes: 0 });
  });
});
