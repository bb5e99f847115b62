import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { AgendaItem } from '@plenum/shared';
import type { Db, Tx } from '../../db/client.ts';
import { agendaItems } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import type { EventRow } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { findItem, listAgenda, loadItems, lockEvent, type AgendaItemRow } from './service.ts';
import { assertSchedule, dayOf, describeItem, type PlannedItem } from './validation.ts';

const MINUTE = 60_000;

/**
 * The items a change of `pivot` drags along: every item of the same day (in the event's time
 * zone) that starts after it — with `includeSimultaneous`, also those starting with it.
 */
export function laterItemsOfDay<T extends PlannedItem>(
  items: readonly T[],
  pivot: PlannedItem,
  timeZone: string,
  includeSimultaneous: boolean,
): T[] {
  const day = dayOf(pivot, timeZone);
  const from = pivot.startsAt.getTime();
  return items.filter((i) => {
    if (i.id === pivot.id || dayOf(i, timeZone) !== day) return false;
    const t = i.startsAt.getTime();
    return includeSimultaneous ? t >= from : t > from;
  });
}

const moved = <T extends PlannedItem>(item: T, minutes: number): T => ({
  ...item,
  startsAt: new Date(item.startsAt.getTime() + minutes * MINUTE),
});

/** A delay (or gain) propagates: the item and every later item of its day move by `minutes`. */
export function planShift<T extends PlannedItem>(
  items: readonly T[],
  pivot: T,
  minutes: number,
  timeZone: string,
): T[] {
  return [pivot, ...laterItemsOfDay(items, pivot, timeZone, true)].map((i) => moved(i, minutes));
}

/** The item lasts longer; every later item of its day moves by the same amount. */
export function planExtend<T extends PlannedItem>(
  items: readonly T[],
  pivot: T,
  minutes: number,
  timeZone: string,
): T[] {
  const longer = { ...pivot, durationMinutes: pivot.durationMinutes + minutes };
  return [longer, ...laterItemsOfDay(items, pivot, timeZone, false).map((i) => moved(i, minutes))];
}

const isRunning = (i: AgendaItemRow) => i.actualStartAt !== null && i.actualEndAt === null;
const sameRoom = (roomId: string | null) =>
  roomId === null ? isNull(agendaItems.roomId) : eq(agendaItems.roomId, roomId);

type LiveChange = (
  tx: Tx,
  item: AgendaItemRow,
  event: EventRow,
) => Promise<Record<string, unknown>>;

/** One live action: lock the event, change, audit, and answer with the whole new agenda. */
async function runLive(
  db: Db,
  eventId: string,
  itemId: string,
  actorId: string,
  action: string,
  change: LiveChange,
): Promise<AgendaItem[]> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const item = await findItem(tx, eventId, itemId);
    const details = await change(tx, item, event);
    await recordAudit(tx, { eventId, actorId, action, target: itemId, details });
    return listAgenda(tx, eventId);
  });
}

/** Starts an item now and ends whatever else runs in its room. Starting an ended item resumes it. */
export function startItem(db: Db, eventId: string, itemId: string, actorId: string) {
  return runLive(db, eventId, itemId, actorId, 'agenda.start', async (tx, item, event) => {
    if (isRunning(item)) {
      throw new AppError('conflict', `${describeItem(item, event.timeZone)} is running already.`);
    }
    const now = new Date();
    const ended = await tx
      .update(agendaItems)
      .set({ actualEndAt: now })
      .where(
        and(
          eq(agendaItems.eventId, item.eventId),
          sameRoom(item.roomId),
          isNotNull(agendaItems.actualStartAt),
          isNull(agendaItems.actualEndAt),
        ),
      )
      .returning({ id: agendaItems.id });
    await tx
      .update(agendaItems)
      .set({ actualStartAt: item.actualStartAt ?? now, actualEndAt: null })
      .where(eq(agendaItems.id, item.id));
    return { endedIds: ended.map((e) => e.id), resumed: item.actualEndAt !== null };
  });
}

export function endItem(db: Db, eventId: string, itemId: string, actorId: string) {
  return runLive(db, eventId, itemId, actorId, 'agenda.end', async (tx, item, event) => {
    if (!isRunning(item)) {
      const state = item.actualEndAt ? 'has ended already' : 'has not started';
      throw new AppError('conflict', `${describeItem(item, event.timeZone)} ${state}.`);
    }
    await tx
      .update(agendaItems)
      .set({ actualEndAt: new Date() })
      .where(eq(agendaItems.id, item.id));
    return {};
  });
}

export function extendItem(
  db: Db,
  eventId: string,
  itemId: string,
  minutes: number,
  actorId: string,
) {
  return runLive(db, eventId, itemId, actorId, 'agenda.extend', async (tx, item, event) => {
    if (item.durationMinutes + minutes > 1440) {
      throw new AppError('validation_failed', 'An item lasts at most 24 hours.', 400, {
        'body.minutes': `at most ${1440 - item.durationMinutes} for this item`,
      });
    }
    const moved = await applyPlan(tx, event, (all) =>
      planExtend(all, item, minutes, event.timeZone),
    );
    return { minutes, movedIds: moved };
  });
}

export function shiftItems(
  db: Db,
  eventId: string,
  itemId: string,
  minutes: number,
  actorId: string,
) {
  return runLive(db, eventId, itemId, actorId, 'agenda.shift', async (tx, item, event) => {
    const moved = await applyPlan(tx, event, (all) =>
      planShift(all, item, minutes, event.timeZone),
    );
    return { minutes, movedIds: moved };
  });
}

/** Checks the planned changes against the whole agenda (409 on any conflict), then writes them. */
async function applyPlan(
  tx: Tx,
  event: EventRow,
  plan: (all: AgendaItemRow[]) => AgendaItemRow[],
): Promise<string[]> {
  const all = await loadItems(tx, event.id);
  const changed = plan(all);
  const byId = new Map(changed.map((c) => [c.id, c]));
  assertSchedule(
    changed,
    all.map((a) => byId.get(a.id) ?? a),
    event,
    'live',
  );
  for (const c of changed) {
    await tx
      .update(agendaItems)
      .set({ startsAt: c.startsAt, durationMinutes: c.durationMinutes })
      .where(eq(agendaItems.id, c.id));
  }
  return changed.map((c) => c.id);
}
