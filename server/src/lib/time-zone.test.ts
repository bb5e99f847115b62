import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc } from './time-zone.ts';

describe('Berlin wall-clock times', () => {
  it('are UTC+1 in winter and UTC+2 in summer', () => {
    expect(zonedTimeToUtc('2026-01-15T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-07-15T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('are right on the days the clocks change', () => {
    expect(zonedTimeToUtc('2026-03-29T03:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(zonedTimeToUtc('2026-03-29T01:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(zonedTimeToUtc('2026-10-25T12:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T11:00:00.000Z',
    );
  });
});
