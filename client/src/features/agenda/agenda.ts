import type { AgendaItem } from '@plenum/shared';
import { localDay } from '@plenum/shared/time';
import { formatTime } from '../../lib/time-format.ts';

/** Agenda times are shown in the event's time zone, never the viewer's: everyone reads the same. */

type Scheduled = Pick<AgendaItem, 'startsAt' | 'durationMinutes'>;
type Timed = Pick<
  AgendaItem,
  'id' | 'startsAt' | 'durationMinutes' | 'actualStartAt' | 'actualEndAt'
>;
export function scheduledEnd(item: Scheduled): Date {
  return new Date(Date.parse(item.startsAt) + item.durationMinutes * 60_000);
}

/** "09:30–10:00" with an en dash. */
export function formatTimeRange(item: Scheduled, timeZone: string, locale: string): string {
  return `${formatTime(item.startsAt, timeZone, locale)}–${formatTime(scheduledEnd(item), timeZone, locale)}`;
}

export interface AgendaDay<T> {
  key: string;
  /** Start of the day's first item; format it with `formatDay`. */
  firstStartsAt: string;
  items: T[];
}

/** Items sorted by start and grouped by their calendar day in the event's time zone. */
export function groupByDay<T extends Scheduled>(
  items: readonly T[],
  timeZone: string,
): AgendaDay<T>[] {
  const sorted = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const days: AgendaDay<T>[] = [];
  for (const item of sorted) {
    const key = localDay(item.startsAt, timeZone);
    const last = days.at(-1);
    if (last?.key === key) last.items.push(item);
    else days.push({ key, firstStartsAt: item.startsAt, items: [item] });
  }
  return days;
}

/** Started live by the organizer and not yet ended. */
export function isRunning(item: Timed): boolean {
  return item.actualStartAt !== null && item.actualEndAt === null;
}

function isScheduledNow(item: Timed, now: number): boolean {
  return Date.parse(item.startsAt) <= now && now < scheduledEnd(item).getTime();
}

/**
 * Which items are live at `now` (ms, server time). What the organizer runs live wins over the
 * timetable: a talk that overran stays live, and the next one is not live just because its slot
 * began. Without live control the timetable decides; an item ended early is no longer live.
 */
export function liveItemIds(items: readonly Timed[], now: number): Set<string> {
  const running = items.filter(isRunning);
  if (running.length > 0) return new Set(running.map((i) => i.id));
  return new Set(
    items.filter((i) => i.actualEndAt === null && isScheduledNow(i, now)).map((i) => i.id),
  );
}
