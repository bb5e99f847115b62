import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime } from './time-format.ts';

const berlin = 'Europe/Berlin';

describe('times on the event’s clock', () => {
  it('shows a date and time for a table', () => {
    expect(formatDateTime('2026-03-12T08:30:00Z', 'Europe/Berlin', 'de-DE')).toBe(
      '12.03.2026, 09:30',
    );
    expect(formatDateTime('2026-07-01T22:05:00Z', 'Europe/Berlin', 'de-DE')).toBe(
      '02.07.2026, 00:05',
    );
  });
});

describe('times in the event time zone', () => {
  it('shows a winter time in Berlin as UTC+1', () => {
    expect(formatTime('2026-03-12T08:30:00Z', berlin, 'de-DE')).toBe('09:30');
  });

  it('shows the first summer-time hour in Berlin as UTC+2', () => {
    expect(formatTime('2026-03-29T01:30:00Z', berlin, 'de-DE')).toBe('03:30');
  });

  it('shows the repeated autumn hour twice, once in summer and once in winter time', () => {
    expect(formatTime('2026-10-25T00:30:00Z', berlin, 'de-DE')).toBe('02:30');
    expect(formatTime('2026-10-25T01:30:00Z', berlin, 'de-DE')).toBe('02:30');
  });

  it('uses the event time zone, not the viewer one', () => {
    expect(formatTime('2026-03-12T14:00:00Z', 'America/New_York', 'de-DE')).toBe('10:00');
  });

  it('writes the day heading in German', () => {
    expect(formatDay('2026-03-12T08:30:00Z', berlin, 'de-DE')).toBe('Donnerstag, 12. März 2026');
  });
});
