/**
 * `@plenum/shared/time`: wall-clock times in the event's time zone ↔ instants, with Intl only (no
 * time-zone database of our own). Organizers type "09:30" meaning 09:30 in Berlin, wherever their
 * laptop is; the server stores UTC. Daylight saving is handled by asking Intl for the zone's
 * offset, never by assuming one. The client's forms refuse a time that does not exist (the spring
 * gap); imports and seeds move it forward as a clock does. A time that exists twice (autumn) means
 * its first occurrence.
 */

export interface WallClock {
  /** "2026-03-12" */
  date: string;
  /** "09:30" */
  time: string;
}

export type ZonedResult =
  { ok: true; iso: string; instant: number } | { ok: false; reason: 'invalid' | 'nonexistent' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsAt(instant: number, timeZone: string): Fields {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The zone's offset from UTC at an instant, in minutes (Berlin: 60 in winter, 120 in summer). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const f = fieldsAt(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The date and time an instant shows on a clock in the zone. */
export function wallClockOf(instant: string | number | Date, timeZone: string): WallClock {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  const f = fieldsAt(ms, timeZone);
  return {
    date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`,
    time: `${pad(f.hour)}:${pad(f.minute)}`,
  };
}

/** "+01:00", "-04:00", "+05:30" */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{1,2}):(\d{2})$/;

/** The calendar date and clock time as numbers, or null if either is not a real one. */
function parseWallClock(date: string, time: string) {
  const d = datePattern.exec(date.trim());
  const t = timePattern.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  // 2026-02-30 rolls over into March: not a date anyone meant.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return {
    naive,
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
  };
}

const DAY = 86_400_000;

/**
 * The instants a wall-clock time stands for in a zone, earliest first: one, two in the repeated
 * autumn hour, none in the spring gap. `gapInstant` is where a clock moved forward puts a time of
 * the gap (02:30 on the spring day in Berlin is 03:30 summer time).
 */
function instantsOf(naive: number, date: string, time: string, timeZone: string) {
  // Offsets in force a day before, at, and a day after: a transition near the time is among them.
  const offsets = [...new Set([-DAY, 0, DAY].map((d) => offsetMinutesAt(naive + d, timeZone)))];
  const instants = offsets
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => {
      const shown = wallClockOf(instant, timeZone);
      return shown.date === date && shown.time === time;
    })
    .sort((a, b) => a - b);
  // A gap opens where the offset grows: the time read with the smaller (earlier) offset.
  const gapInstant = naive - Math.min(...offsets) * 60_000;
  return { instants, gapInstant };
}

/**
 * The instant a wall-clock time in a zone stands for, as ISO 8601 with that moment's offset
 * ("2026-03-12T09:30:00+01:00"), which the server stores as UTC. A time in the spring gap is
 * refused: a form asks again rather than guess.
 */
export function zonedIso(date: string, time: string, timeZone: string): ZonedResult {
  const parsed = parseWallClock(date, time);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const instant = instantsOf(parsed.naive, parsed.date, parsed.time, timeZone).instants[0];
  if (instant === undefined) return { ok: false, reason: 'nonexistent' };
  const offset = formatOffset(offsetMinutesAt(instant, timeZone));
  return { ok: true, iso: `${parsed.date}T${parsed.time}:00${offset}`, instant };
}

/**
 * The instant of a local date-time ("2026-03-29T09:00") in a zone, for schedules read from files
 * and seeds: a time in the spring gap moves forward as the clock did. Throws on a malformed one.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const [date = '', time = ''] = local.split('T');
  const parsed = parseWallClock(date, time);
  if (!parsed) throw new Error(`not a local date-time: ${local}`);
  const { instants, gapInstant } = instantsOf(parsed.naive, parsed.date, parsed.time, timeZone);
  return new Date(instants[0] ?? gapInstant);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(instant: string | number | Date, timeZone: string): string {
  return wallClockOf(instant, timeZone).date;
}

/** The wall-clock time ("HH:MM", 24 hours) of an instant in a time zone. */
export function localTime(instant: string | number | Date, timeZone: string): string {
  return wallClockOf(instant, timeZone).time;
}

/** Whether Intl knows the zone ("Europe/Berlin" yes, "Mars/Olympus" no). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
