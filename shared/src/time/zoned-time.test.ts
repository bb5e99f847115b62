import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  isTimeZone,
  localDay,
  localTime,
  offsetMinutesAt,
  wallClockOf,
  zonedIso,
  zonedTimeToUtc,
} from './zoned-time.ts';

const berlin = 'Europe/Berlin';

describe('zonedIso', () => {
  it('gives a winter time in Berlin the offset +01:00', () => {
    expect(zonedIso('2026-03-12', '09:30', berlin)).toEqual({
      ok: true,
      iso: '2026-03-12T09:30:00+01:00',
      instant: Date.parse('2026-03-12T08:30:00Z'),
    });
  });

  it('gives a summer time in Berlin the offset +02:00', () => {
    const result = zonedIso('2026-06-18', '14:00', berlin);
    expect(result).toMatchObject({ ok: true, iso: '2026-06-18T14:00:00+02:00' });
  });

  it('switches offset on the day daylight saving starts', () => {
    expect(zonedIso('2026-03-29', '01:59', berlin)).toMatchObject({
      iso: '2026-03-29T01:59:00+01:00',
    });
    expect(zonedIso('2026-03-29', '03:00', berlin)).toMatchObject({
      iso: '2026-03-29T03:00:00+02:00',
    });
  });

  it('refuses a time that the spring change skips', () => {
    expect(zonedIso('2026-03-29', '02:30', berlin)).toEqual({ ok: false, reason: 'nonexistent' });
  });

  it('takes the first of a time that the autumn change repeats', () => {
    const result = zonedIso('2026-10-25', '02:30', berlin);
    expect(result).toMatchObject({ ok: true, iso: '2026-10-25T02:30:00+02:00' });
    expect(result.ok && new Date(result.instant).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('works in zones west of UTC and with half hours', () => {
    expect(zonedIso('2026-03-12', '09:30', 'America/New_York')).toMatchObject({
      iso: '2026-03-12T09:30:00-04:00',
    });
    expect(zonedIso('2026-01-05', '09:30', 'Asia/Kolkata')).toMatchObject({
      iso: '2026-01-05T09:30:00+05:30',
    });
    expect(zonedIso('2026-01-05', '09:30', 'UTC')).toMatchObject({
      iso: '2026-01-05T09:30:00+00:00',
    });
  });

  it('accepts a single-digit hour and pads it', () => {
    expect(zonedIso('2026-03-12', '9:05', berlin)).toMatchObject({
      iso: '2026-03-12T09:05:00+01:00',
    });
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['12.03.2026', '10:00'],
    ['2026-03-12', '24:00'],
    ['2026-03-12', '10:60'],
    ['2026-03-12', ''],
    ['', '10:00'],
  ])('refuses %s %s as invalid', (date, time) => {
    expect(zonedIso(date, time, berlin)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('round-trips every half hour of a year through the wall clock', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let t = start; t < start + 366 * 86_400_000; t += 30 * 60_000) {
      const wall = wallClockOf(t, berlin);
      const back = zonedIso(wall.date, wall.time, berlin);
      if (!back.ok) throw new Error(`not ok for ${wall.date} ${wall.time}`);
      // The repeated autumn hour maps to its first occurrence; everything else round-trips.
      if (back.instant !== t) expect(t - back.instant).toBe(3_600_000);
    }
  });
});

describe('wallClockOf', () => {
  it('shows a UTC instant on the Berlin clock', () => {
    expect(wallClockOf('2026-03-12T08:30:00Z', berlin)).toEqual({
      date: '2026-03-12',
      time: '09:30',
    });
    expect(wallClockOf('2026-03-12T23:30:00Z', berlin)).toEqual({
      date: '2026-03-13',
      time: '00:30',
    });
  });
});

describe('offsets', () => {
  it('reads the zone offset at an instant', () => {
    expect(offsetMinutesAt(Date.parse('2026-01-15T12:00:00Z'), berlin)).toBe(60);
    expect(offsetMinutesAt(Date.parse('2026-07-15T12:00:00Z'), berlin)).toBe(120);
    expect(offsetMinutesAt(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('formats offsets with sign, hours and minutes', () => {
    expect(formatOffset(60)).toBe('+01:00');
    expect(formatOffset(-240)).toBe('-04:00');
    expect(formatOffset(330)).toBe('+05:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-150)).toBe('-02:30');
  });
});

describe('zonedTimeToUtc (imports and seeds)', () => {
  const utc = (local: string) => zonedTimeToUtc(local, berlin).toISOString();

  it('reads Berlin wall-clock times as UTC+1 in winter and UTC+2 in summer', () => {
    expect(utc('2026-01-15T09:00')).toBe('2026-01-15T08:00:00.000Z');
    expect(utc('2026-07-15T09:00')).toBe('2026-07-15T07:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(utc('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(utc('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(utc('2026-10-25T12:00')).toBe('2026-10-25T11:00:00.000Z');
  });

  it('moves a time of the spring gap forward as the clock did: 02:30 is 03:30 summer time', () => {
    expect(utc('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(localTime(zonedTimeToUtc('2026-03-29T02:30', berlin), berlin)).toBe('03:30');
  });

  it('takes the first of a time that the autumn change repeats, as the forms do', () => {
    expect(utc('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a local date-time', () => {
    expect(() => zonedTimeToUtc('2026-02-30T10:00', berlin)).toThrow(/not a local date-time/);
    expect(() => zonedTimeToUtc('09:00', berlin)).toThrow(/not a local date-time/);
  });
});

describe('local day and time', () => {
  it('the last hour of October’s day before midnight still belongs to that day', () => {
    expect(localDay(new Date('2026-10-25T22:30:00Z'), berlin)).toBe('2026-10-25');
    expect(localDay(new Date('2026-10-25T23:00:00Z'), berlin)).toBe('2026-10-26');
  });

  it('shows the 24-hour clock of the zone', () => {
    expect(localTime('2026-03-12T08:30:00Z', berlin)).toBe('09:30');
    expect(localTime('2026-03-12T23:05:00Z', berlin)).toBe('00:05');
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
