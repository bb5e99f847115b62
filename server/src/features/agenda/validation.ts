import { localDay, localTime } from '@plenum/shared/time';
import { AppError } from '../../lib/app-error.ts';

/** What the schedule checks need of an agenda item: planned times and where it takes place. */
export interface PlannedItem {
  id: string;
  title: string;
  /** The plenary, or null for working-group phases (their own lane). */
  roomId: string | null;
  startsAt: Date;
  durationMinutes: number;
}

/** What the checks need of the event: its days, in its time zone. */
export interface EventFrame {
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
}

export type ScheduleProblem =
  | { kind: 'not_after_start'; item: PlannedItem }
  | { kind: 'outside_event'; item: PlannedItem; firstDay: string; lastDay: string }
  | { kind: 'overlap'; item: PlannedItem; other: PlannedItem };

const MINUTE = 60_000;

export const endOf = (item: PlannedItem) =>
  new Date(item.startsAt.getTime() + item.durationMinutes * MINUTE);

/** The day an item belongs to: the one it starts on. */
export const dayOf = (item: PlannedItem, timeZone: string) => localDay(item.startsAt, timeZone);

/** An item must last at least a minute: it ends after it starts. */
export function checkEndsAfterStart(item: PlannedItem): ScheduleProblem | null {
  const ok = Number.isInteger(item.durationMinutes) && item.durationMinutes > 0;
  return ok && endOf(item) > item.startsAt ? null : { kind: 'not_after_start', item };
}

/**
 * An item lies within the event's days (in the event's time zone): it starts no earlier than the
 * first day and ends no later than the end of the last day (midnight itself still counts).
 */
export function checkWithinEventDays(item: PlannedItem, event: EventFrame): ScheduleProblem | null {
  const firstDay = localDay(event.startsAt, event.timeZone);
  const lastDay = localDay(event.endsAt, event.timeZone);
  const startDay = localDay(item.startsAt, event.timeZone);
  const endDay = localDay(new Date(endOf(item).getTime() - 1), event.timeZone);
  return startDay >= firstDay && endDay <= lastDay
    ? null
    : { kind: 'outside_event', item, firstDay, lastDay };
}

/** Items in the same lane: the plenary (breaks included) or the working-group phases. */
export const sameLane = (a: PlannedItem, b: PlannedItem) => a.roomId === b.roomId;

export const overlaps = (a: PlannedItem, b: PlannedItem) =>
  a.startsAt < endOf(b) && b.startsAt < endOf(a);

/** The first item of the same lane that overlaps `item`, in time order; touching is fine. */
export function findOverlap(item: PlannedItem, others: readonly PlannedItem[]): PlannedItem | null {
  const hits = others.filter((o) => o.id !== item.id && sameLane(o, item) && overlaps(o, item));
  hits.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return hits[0] ?? null;
}

/**
 * Checks changed items against the whole agenda after the change (`all` already holds the new
 * versions). Returns the first problem, or null when the schedule is sound.
 */
export function findScheduleProblem(
  changed: readonly PlannedItem[],
  all: readonly PlannedItem[],
  event: EventFrame,
): ScheduleProblem | null {
  for (const item of changed) {
    const problem =
      checkEndsAfterStart(item) ??
      checkWithinEventDays(item, event) ??
      overlapProblem(item, findOverlap(item, all));
    if (problem) return problem;
  }
  return null;
}

const overlapProblem = (item: PlannedItem, other: PlannedItem | null): ScheduleProblem | null =>
  other ? { kind: 'overlap', item, other } : null;

/** "Kaffeepause" (2026-03-12 10:30–11:00 Europe/Berlin): how messages name an item. */
export function describeItem(item: PlannedItem, timeZone: string): string {
  const from = `${dayOf(item, timeZone)} ${localTime(item.startsAt, timeZone)}`;
  return `"${item.title}" (${from}–${localTime(endOf(item), timeZone)} ${timeZone})`;
}

/**
 * The error a problem becomes. Overlaps are conflicts with another item (409). The rest are field
 * errors of an edit (400), but conflicts when a live shift or extension causes them (409).
 */
export function problemToError(
  problem: ScheduleProblem,
  timeZone: string,
  origin: 'edit' | 'live',
): AppError {
  const what = describeItem(problem.item, timeZone);
  switch (problem.kind) {
    case 'overlap':
      return new AppError(
        'conflict',
        `${what} would overlap ${describeItem(problem.other, timeZone)}.`,
        409,
        { 'body.startsAt': `overlaps agenda item ${problem.other.id}` },
        'overlap',
      );
    case 'outside_event': {
      const message =
        `${what} would lie outside the event's days ` +
        `(${problem.firstDay} to ${problem.lastDay}, ${timeZone}).`;
      return origin === 'edit'
        ? new AppError('validation_failed', message, 400, {
            'body.startsAt': `must lie within ${problem.firstDay} to ${problem.lastDay}`,
          })
        : new AppError('conflict', message, 409, undefined, 'outside_event');
    }
    case 'not_after_start':
      return new AppError('validation_failed', `${what} must end after it starts.`, 400, {
        'body.durationMinutes': 'must be at least 1 minute',
      });
  }
}

/** Throws the first problem of a changed schedule as an AppError. */
export function assertSchedule(
  changed: readonly PlannedItem[],
  all: readonly PlannedItem[],
  event: EventFrame,
  origin: 'edit' | 'live',
) {
  const problem = findScheduleProblem(changed, all, event);
  if (problem) throw problemToError(problem, event.timeZone, origin);
}
