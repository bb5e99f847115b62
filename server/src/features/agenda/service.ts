import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  AgendaItem,
  AgendaItemInput,
  AgendaItemPatch,
  AgendaKind,
  SpeakerInput,
} from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  events,
  memberships,
  people,
  type AgendaSpeaker,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/app-error.ts';
import type { EventRow } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { findPlenary } from '../rooms/repository.ts';
import { assertSchedule } from './validation.ts';

export type AgendaItemRow = typeof agendaItems.$inferSelect;

export function toAgendaItem(r: AgendaItemRow): AgendaItem {
  return {
    id: r.id,
    roomId: r.roomId,
    kind: r.kind,
    title: r.title,
    description: r.description,
    speakers: r.speakers,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    actualStartAt: r.actualStartAt?.toISOString() ?? null,
    actualEndAt: r.actualEndAt?.toISOString() ?? null,
  };
}

export async function listAgenda(db: DbOrTx, eventId: string): Promise<AgendaItem[]> {
  return (await loadItems(db, eventId)).map(toAgendaItem);
}

export function loadItems(db: DbOrTx, eventId: string): Promise<AgendaItemRow[]> {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.startsAt), asc(agendaItems.id));
}

/**
 * Locks the event for the rest of the transaction: agenda writes of one event run one after the
 * other, so two organizers cannot both pass the overlap check with colliding items.
 */
export async function lockEvent(tx: DbOrTx, eventId: string): Promise<EventRow> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
  if (!row) throw notFound('Event');
  return row;
}

export async function findItem(db: DbOrTx, eventId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.eventId, eventId)))
    .limit(1);
  if (!row) throw notFound('Agenda item');
  return row;
}

/**
 * Where an item takes place. A working-group phase happens in the groups (null); everything else,
 * breaks included, in the plenary. A given roomId must agree with that.
 */
export async function resolveRoomId(
  db: DbOrTx,
  eventId: string,
  kind: AgendaKind,
  roomId: string | null | undefined,
): Promise<string | null> {
  if (kind === 'working_group_phase') {
    if (roomId) {
      throw new AppError(
        'validation_failed',
        'A working-group phase takes place in the groups.',
        400,
        {
          'body.roomId': 'must be null for a working-group phase',
        },
      );
    }
    return null;
  }
  const plenary = await findPlenary(db, eventId);
  if (roomId && roomId !== plenary.id) {
    throw new AppError('validation_failed', 'Agenda items take place in the plenary.', 400, {
      'body.roomId': 'must be the plenary of this event (or null for a working-group phase)',
    });
  }
  return plenary.id;
}

/** Speakers who are members get their display name when none is given; others are refused. */
export async function resolveSpeakers(
  db: DbOrTx,
  eventId: string,
  speakers: readonly SpeakerInput[],
): Promise<AgendaSpeaker[]> {
  const ids = [...new Set(speakers.flatMap((s) => (s.personId ? [s.personId] : [])))];
  const members = ids.length
    ? await db
        .select({ id: people.id, displayName: people.displayName })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(and(eq(memberships.eventId, eventId), inArray(memberships.personId, ids)))
    : [];
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  return speakers.map((s, i) => {
    if (s.personId && !names.has(s.personId)) {
      throw new AppError('validation_failed', 'A speaker is not a member of this event.', 400, {
        [`body.speakers.${i}.personId`]: 'not a member of this event',
      });
    }
    const name = s.name ?? names.get(s.personId!)!;
    return {
      name,
      ...(s.affiliation && { affiliation: s.affiliation }),
      ...(s.personId && { personId: s.personId }),
    };
  });
}

export async function createAgendaItem(
  db: Db,
  eventId: string,
  input: AgendaItemInput,
  actorId: string,
): Promise<AgendaItem> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const values = {
      eventId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      speakers: await resolveSpeakers(tx, eventId, input.speakers),
      roomId: await resolveRoomId(tx, eventId, input.kind, input.roomId),
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
    };
    const candidate = { ...values, id: crypto.randomUUID() };
    const existing = await loadItems(tx, eventId);
    assertSchedule([candidate], [...existing, candidate], event, 'edit');
    const [row] = await tx
      .insert(agendaItems)
      .values({ ...values, id: candidate.id })
      .returning();
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'agenda.create',
      target: row!.id,
      details: { title: row!.title, startsAt: row!.startsAt.toISOString() },
    });
    return toAgendaItem(row!);
  });
}

export async function updateAgendaItem(
  db: Db,
  eventId: string,
  itemId: string,
  patch: AgendaItemPatch,
  actorId: string,
): Promise<AgendaItem> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const current = await findItem(tx, eventId, itemId);
    const kind = patch.kind ?? current.kind;
    const next: AgendaItemRow = {
      ...current,
      kind,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.durationMinutes !== undefined && { durationMinutes: patch.durationMinutes }),
      ...(patch.startsAt !== undefined && { startsAt: new Date(patch.startsAt) }),
      ...(patch.speakers !== undefined && {
        speakers: await resolveSpeakers(tx, eventId, patch.speakers),
      }),
      roomId: await resolveRoomId(tx, eventId, kind, patch.roomId),
    };
    const others = (await loadItems(tx, eventId)).filter((r) => r.id !== itemId);
    assertSchedule([next], [...others, next], event, 'edit');
    const { id: _id, eventId: _eventId, ...changes } = next;
    const [row] = await tx
      .update(agendaItems)
      .set(changes)
      .where(eq(agendaItems.id, itemId))
      .returning();
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'agenda.update',
      target: itemId,
      details: patch,
    });
    return toAgendaItem(row!);
  });
}

export async function deleteAgendaItem(db: Db, eventId: string, itemId: string, actorId: string) {
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const item = await findItem(tx, eventId, itemId);
    await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'agenda.delete',
      target: itemId,
      details: { title: item.title, startsAt: item.startsAt.toISOString() },
    });
  });
}
