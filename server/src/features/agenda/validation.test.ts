import { describe, expect, it } from 'vitest';
import { localDay, localTime, zonedTimeToUtc } from '@plenum/shared/time';
import { kindOfFrabType, parseFrabDuration, parseFrabSchedule } from './frab-import.ts';
import { escapeText, foldLine, formatUtc } from './ical.ts';
import { planExtend, planShift } from './live.ts';
import {
  checkEndsAfterStart,
  checkWithinEventDays,
  endOf,
  findOverlap,
  findScheduleProblem,
  problemToError,
  type EventFrame,
  type PlannedItem,
} from './validation.ts';

const TZ = 'Europe/Berlin';
const PLENARY = '00000000-0000-4000-8000-000000000001';
const at = (local: string) => zonedTimeToUtc(local, TZ);
let n = 0;
const item = (local: string, minutes: number, roomId: string | null = PLENARY, title = `T${++n}`) =>
  ({
    id: `item-${++n}`,
    title,
    roomId,
    startsAt: at(local),
    durationMinutes: minutes,
  }) satisfies PlannedItem;

const forum: EventFrame = {
  timeZone: TZ,
  startsAt: at('2026-03-12T09:00'),
  endsAt: at('2026-03-13T13:00'),
};

describe('agenda validation', () => {
  it('an item must end after it starts', () => {
    expect(checkEndsAfterStart(item('2026-03-12T09:00', 30))).toBeNull();
    expect(checkEndsAfterStart(item('2026-03-12T09:00', 0))?.kind).toBe('not_after_start');
    expect(checkEndsAfterStart(item('2026-03-12T09:00', -15))?.kind).toBe('not_after_start');
  });

  it('items of the plenary must not overlap; the first overlapping item is named', () => {
    const opening = item('2026-03-12T09:00', 30, PLENARY, 'Eröffnung');
    const talk = item('2026-03-12T09:30', 30, PLENARY, 'Vortrag Münster');
    const late = item('2026-03-12T09:20', 30);
    expect(findOverlap(talk, [opening, talk])).toBeNull();
    expect(findOverlap(late, [talk, opening, late])?.title).toBe('Eröffnung');
    const problem = findScheduleProblem([late], [opening, talk, late], forum)!;
    const error = problemToError(problem, TZ, 'edit');
    expect(error.status).toBe(409);
    expect(error.message).toContain('"Eröffnung" (2026-03-12 09:00–09:30 Europe/Berlin)');
  });

  it('working-group phases must not overlap each other, but are a lane of their own', () => {
    const phase = item('2026-03-12T13:30', 60, null);
    const breakInPlenary = item('2026-03-12T13:30', 15, PLENARY);
    const otherPhase = item('2026-03-12T14:00', 60, null);
    expect(findOverlap(breakInPlenary, [phase, breakInPlenary])).toBeNull();
    expect(findOverlap(otherPhase, [phase, otherPhase])?.id).toBe(phase.id);
  });

  it('an item must lie within the event’s days (midnight of the last day still counts)', () => {
    expect(checkWithinEventDays(item('2026-03-13T16:00', 60), forum)).toBeNull();
    expect(checkWithinEventDays(item('2026-03-13T23:00', 60), forum)).toBeNull();
    expect(checkWithinEventDays(item('2026-03-13T23:30', 60), forum)?.kind).toBe('outside_event');
    expect(checkWithinEventDays(item('2026-03-11T20:00', 30), forum)).toMatchObject({
      kind: 'outside_event',
      firstDay: '2026-03-12',
      lastDay: '2026-03-13',
    });
    const error = problemToError(
      checkWithinEventDays(item('2026-03-14T09:00', 30), forum)!,
      TZ,
      'edit',
    );
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty('body.startsAt');
  });

  it('DST: an item at 02:30 on the spring-forward day lands at 03:30 CEST and collides with 03:00–04:00', () => {
    const dstForum = {
      timeZone: TZ,
      startsAt: at('2026-03-28T09:00'),
      endsAt: at('2026-03-29T18:00'),
    };
    const ghost = item('2026-03-29T02:30', 30);
    expect(ghost.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localTime(ghost.startsAt, TZ)).toBe('03:30');
    expect(localDay(ghost.startsAt, TZ)).toBe('2026-03-29');
    const early = item('2026-03-29T03:00', 60);
    expect(findScheduleProblem([ghost], [early, ghost], dstForum)).toMatchObject({
      kind: 'overlap',
      other: { id: early.id },
    });
  });

  it('DST: durations are real minutes, so 01:00 CET plus 120 minutes ends at 04:00 CEST', () => {
    const night = item('2026-03-29T01:00', 120);
    expect(localTime(endOf(night), TZ)).toBe('04:00');
    const next = item('2026-03-29T04:00', 30);
    expect(findOverlap(next, [night, next])).toBeNull();
  });
});

describe('live schedule planning', () => {
  const day1 = [
    item('2026-03-12T09:00', 30),
    item('2026-03-12T09:30', 30),
    item('2026-03-12T10:00', 60, null),
    item('2026-03-12T11:00', 30),
  ];
  const day2 = [item('2026-03-13T09:00', 30)];
  const all = [...day1, ...day2];
  const minutesMoved = (before: PlannedItem, after: PlannedItem) =>
    (after.startsAt.getTime() - before.startsAt.getTime()) / 60_000;

  it('a shift moves the item and every later item of its day, never the next day', () => {
    const changed = planShift(all, day1[1]!, 15, TZ);
    expect(changed.map((c) => c.id)).toEqual([day1[1]!.id, day1[2]!.id, day1[3]!.id]);
    for (const c of changed)
      expect(
        minutesMoved(
          all.find((a) => a.id === c.id)!,
          c,
        ),
      ).toBe(15);
  });

  it('an extension lengthens the item and moves only the later items', () => {
    const changed = planExtend(all, day1[1]!, 10, TZ);
    expect(changed[0]).toMatchObject({ id: day1[1]!.id, durationMinutes: 40 });
    expect(minutesMoved(day1[1]!, changed[0]!)).toBe(0);
    expect(changed.slice(1).map((c) => c.id)).toEqual([day1[2]!.id, day1[3]!.id]);
  });

  it('a late shift that runs into the next day is refused as a conflict', () => {
    const evening = item('2026-03-12T23:30', 30);
    const dawn = item('2026-03-13T00:00', 30);
    const moved = planShift([evening, dawn], evening, 15, TZ);
    const problem = findScheduleProblem(moved, [moved[0]!, dawn], forum)!;
    expect(problem).toMatchObject({ kind: 'overlap', other: { id: dawn.id } });
    expect(problemToError(problem, TZ, 'live').status).toBe(409);
  });
});

describe('Frab mapping', () => {
  it('maps Frab and pretalx types, in German and English, to agenda kinds', () => {
    expect(kindOfFrabType('Workshop')).toBe('working_group_phase');
    expect(kindOfFrabType('Kaffeepause')).toBe('break');
    expect(kindOfFrabType('lecture')).toBe('talk');
    expect(kindOfFrabType('Vortrag (30 Minuten)')).toBe('talk');
    expect(kindOfFrabType('Begrüßung')).toBe('opening');
    expect(kindOfFrabType('Abschluss')).toBe('closing');
    expect(kindOfFrabType('Ergebnisse')).toBe('results');
    expect(kindOfFrabType('Ausstellung')).toBe('other');
  });

  it('reads HH:MM durations of 1 minute to 24 hours only', () => {
    expect(parseFrabDuration('00:30')).toBe(30);
    expect(parseFrabDuration('1:15')).toBe(75);
    expect(parseFrabDuration('01:00:00')).toBe(60);
    for (const bad of ['00:00', '25:00', '00:75', '30', 'eine Stunde', ''])
      expect(parseFrabDuration(bad)).toBeNull();
  });

  it('without <date>, <start> is wall-clock time of the day in the conference’s zone', async () => {
    const xml = `<schedule><conference><time_zone_name>Europe/Berlin</time_zone_name></conference>
      <day date="2026-03-29"><room name="Plenum"><event><title>Frühschicht</title>
      <start>02:30</start><duration>00:30</duration><type>Vortrag</type></event></room></day></schedule>`;
    const { items } = await parseFrabSchedule(xml, {
      timeZone: TZ,
      plenaryName: 'Plenum',
      plenaryId: PLENARY,
    });
    expect(items[0]!.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting an umlaut', () => {
    const line = `SUMMARY:${'Ü'.repeat(100)}`;
    const parts = foldLine(line).split('\r\n');
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('writes UTC date-times in the basic format', () => {
    expect(formatUtc(new Date('2026-03-12T08:30:00.000Z'))).toBe('20260312T083000Z');
  });
});
