import { and, asc, count, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Phase } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { preparedPer } from '../../db/prepared.ts';
import {
  assignments,
  memberships,
  people,
  phaseRooms,
  phases,
  roomModerators,
  rooms,
} from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';

export type PhaseRow = typeof phases.$inferSelect;

export async function findPhase(db: DbOrTx, phaseId: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(phases).where(eq(phases.id, phaseId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'Working-group phase not found');
  return row;
}

/** The event's phases, newest first. */
export async function listPhases(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(phases)
    .where(eq(phases.eventId, eventId))
    .orderBy(desc(phases.createdAt));
}

// Asked on every fresh connection (a join storm asks it a thousand times): prepared once.
const openPhaseQuery = preparedPer((db) =>
  db
    .select()
    .from(phases)
    .where(and(eq(phases.eventId, sql.placeholder('eventId')), eq(phases.status, 'open')))
    .prepare('open_phase_of'),
);

export async function openPhaseOf(db: DbOrTx, eventId: string) {
  const [row] = await openPhaseQuery(db).execute({ eventId });
  return row ?? null;
}

/** The phases a fresh connection is told about: the open one, and the one whose results are shown. */
export interface PhasesNow {
  open: PhaseRow | null;
  resultsShown: PhaseRow | null;
}

// Both are asked on every fresh connection (features/phases/at-connect.ts): one statement.
const phasesNowQuery = preparedPer((db) =>
  db
    .select()
    .from(phases)
    .where(
      and(
        eq(phases.eventId, sql.placeholder('eventId')),
        or(eq(phases.status, 'open'), isNotNull(phases.resultsShownAt)),
      ),
    )
    .prepare('phases_now'),
);

export async function phasesNow(db: DbOrTx, eventId: string): Promise<PhasesNow> {
  const rows = await phasesNowQuery(db).execute({ eventId });
  return {
    open: rows.find((row) => row.status === 'open') ?? null,
    resultsShown: rows.find((row) => row.resultsShownAt !== null) ?? null,
  };
}

/** The groups of a phase with how many people are assigned to each. */
export async function phaseGroups(db: DbOrTx, phaseId: string) {
  const groups = await db
    .select({
      roomId: rooms.id,
      name: rooms.name,
      description: rooms.description,
      capacity: rooms.capacity,
      position: rooms.position,
    })
    .from(phaseRooms)
    .innerJoin(rooms, eq(rooms.id, phaseRooms.roomId))
    .where(eq(phaseRooms.phaseId, phaseId))
    .orderBy(asc(rooms.position), asc(rooms.name));
  const counts = await db
    .select({ roomId: assignments.roomId, n: count() })
    .from(assignments)
    .where(eq(assignments.phaseId, phaseId))
    .groupBy(assignments.roomId);
  const mods = groups.length
    ? await db
        .select({
          roomId: roomModerators.roomId,
          personId: roomModerators.personId,
          displayName: people.displayName,
        })
        .from(roomModerators)
        .innerJoin(people, eq(people.id, roomModerators.personId))
        .where(
          inArray(
            roomModerators.roomId,
            groups.map((g) => g.roomId),
          ),
        )
    : [];
  return groups.map((g) => ({
    roomId: g.roomId,
    name: g.name,
    capacity: g.capacity,
    assigned: counts.find((c) => c.roomId === g.roomId)?.n ?? 0,
    moderatorIds: mods.filter((m) => m.roomId === g.roomId).map((m) => m.personId),
    description: g.description,
    moderators: mods
      .filter((m) => m.roomId === g.roomId)
      .map((m) => ({ personId: m.personId, displayName: m.displayName })),
  }));
}

/** The working groups of a phase, as room rows. */
export async function phaseGroupRooms(db: DbOrTx, phaseId: string) {
  const rows = await db
    .select({ room: rooms })
    .from(phaseRooms)
    .innerJoin(rooms, eq(rooms.id, phaseRooms.roomId))
    .where(eq(phaseRooms.phaseId, phaseId));
  return rows.map((r) => r.room);
}

export async function toPhase(db: DbOrTx, row: PhaseRow): Promise<Phase> {
  return {
    id: row.id,
    title: row.title,
    agendaItemId: row.agendaItemId,
    status: row.status,
    durationMinutes: row.durationMinutes,
    selfSelect: row.selfSelect,
    openedAt: row.openedAt?.toISOString() ?? null,
    deadlineAt: row.deadlineAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    groups: await phaseGroups(db, row.id),
  };
}

export async function listAssignments(db: DbOrTx, phaseId: string) {
  return db
    .select({
      personId: assignments.personId,
      displayName: people.displayName,
      roomId: assignments.roomId,
      source: assignments.source,
    })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.personId))
    .where(eq(assignments.phaseId, phaseId))
    .orderBy(asc(people.displayName));
}

/**
 * Everyone in the event with what a token needs (name and role), or only the members among
 * `personIds`: a move of one person reads one row.
 */
export async function eventMembers(db: DbOrTx, eventId: string, personIds?: string[]) {
  const ofEvent = eq(memberships.eventId, eventId);
  return db
    .select({
      personId: memberships.personId,
      role: memberships.role,
      displayName: people.displayName,
      email: people.email,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(personIds ? and(ofEvent, inArray(memberships.personId, personIds)) : ofEvent);
}

/** The room a person belongs in while a phase is open: their group, or the group they moderate. */
export async function roomOfPersonInPhase(db: DbOrTx, phaseId: string, personId: string) {
  const [assigned] = await db
    .select({ roomId: assignments.roomId })
    .from(assignments)
    .where(and(eq(assignments.phaseId, phaseId), eq(assignments.personId, personId)));
  if (assigned) return assigned.roomId;
  const [moderated] = await db
    .select({ roomId: phaseRooms.roomId })
    .from(phaseRooms)
    .innerJoin(roomModerators, eq(roomModerators.roomId, phaseRooms.roomId))
    .where(and(eq(phaseRooms.phaseId, phaseId), eq(roomModerators.personId, personId)))
    .limit(1);
  return moderated?.roomId ?? null;
}

/**
 * Where everyone belongs in a phase, in two queries: assigned people in their group, moderators
 * not assigned in (the first of) the groups they moderate.
 */
export async function roomsOfEveryoneInPhase(db: DbOrTx, phaseId: string) {
  const placed = new Map<string, string>();
  const assigned = await db
    .select({ personId: assignments.personId, roomId: assignments.roomId })
    .from(assignments)
    .where(eq(assignments.phaseId, phaseId));
  for (const a of assigned) placed.set(a.personId, a.roomId);
  const moderators = await db
    .select({ personId: roomModerators.personId, roomId: roomModerators.roomId })
    .from(phaseRooms)
    .innerJoin(roomModerators, eq(roomModerators.roomId, phaseRooms.roomId))
    .where(eq(phaseRooms.phaseId, phaseId));
  for (const m of moderators) if (!placed.has(m.personId)) placed.set(m.personId, m.roomId);
  return placed;
}

/** The group a person belongs in right now (open phase), or null for the plenary. */
export async function groupOfPersonNow(db: DbOrTx, eventId: string, personId: string) {
  const phase = await openPhaseOf(db, eventId);
  return phase ? roomOfPersonInPhase(db, phase.id, personId) : null;
}
