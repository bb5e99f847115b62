import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rolesThatMay, type HelpRequest } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import {
  helpRequests,
  memberships,
  people,
  phases,
  roomModerators,
  rooms,
} from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import { recordAudit } from '../audit/service.ts';
import { assertGroupOfPhase } from './notes.ts';

const resolver = alias(people, 'resolver');

/** Requests with the names a worklist shows: the group, who asked, who marked it done. */
function selectHelpRequests(db: DbOrTx) {
  return db
    .select({
      help: helpRequests,
      eventId: phases.eventId,
      roomName: rooms.name,
      displayName: people.displayName,
      resolvedBy: resolver.displayName,
    })
    .from(helpRequests)
    .innerJoin(phases, eq(phases.id, helpRequests.phaseId))
    .innerJoin(rooms, eq(rooms.id, helpRequests.roomId))
    .leftJoin(people, eq(people.id, helpRequests.personId))
    .leftJoin(resolver, eq(resolver.id, helpRequests.resolvedBy));
}

type HelpRow = Awaited<ReturnType<typeof selectHelpRequests>>[number];

const toHelpRequest = (row: HelpRow): HelpRequest => ({
  id: row.help.id,
  phaseId: row.help.phaseId,
  roomId: row.help.roomId,
  roomName: row.roomName,
  personId: row.help.personId,
  displayName: row.displayName,
  message: row.help.message,
  createdAt: row.help.createdAt.toISOString(),
  resolvedAt: row.help.resolvedAt?.toISOString() ?? null,
  // A resolver erased since is still "done", by nobody one can name.
  resolvedBy: row.help.resolvedAt ? row.resolvedBy : null,
});

async function findHelpRequest(db: DbOrTx, eventId: string, requestId: number) {
  const [row] = await selectHelpRequests(db).where(
    and(eq(helpRequests.id, requestId), eq(phases.eventId, eventId)),
  );
  if (!row) throw new AppError('not_found', 'Help request not found.');
  return row;
}

export async function requestHelp(
  db: Db,
  input: { phaseId: string; roomId: string; personId: string; message: string },
): Promise<HelpRequest> {
  await assertGroupOfPhase(db, input.phaseId, input.roomId);
  const [row] = await db.insert(helpRequests).values(input).returning({ id: helpRequests.id });
  const [stored] = await selectHelpRequests(db).where(eq(helpRequests.id, row!.id));
  return toHelpRequest(stored!);
}

/** How many requests the worklist shows: an event of two days asks a few dozen times at most. */
const LIST_LIMIT = 500;

/** Every help request of the event: open ones first, then done ones, newest first in each. */
export async function listHelpRequests(db: DbOrTx, eventId: string): Promise<HelpRequest[]> {
  const rows = await selectHelpRequests(db)
    .where(eq(phases.eventId, eventId))
    .orderBy(sql`${helpRequests.resolvedAt} is not null`, desc(helpRequests.id))
    .limit(LIST_LIMIT);
  return rows.map(toHelpRequest);
}

/** The room a request came from, for the caller's `can()` check before it is changed. */
export async function roomOfHelpRequest(db: DbOrTx, eventId: string, requestId: number) {
  return (await findHelpRequest(db, eventId, requestId)).help.roomId;
}

/**
 * Marks a request done, once: when two people press "Erledigt" together, the first one's name
 * stays and the second gets the same answer. Audited with the request's id.
 */
export async function resolveHelpRequest(
  db: Db,
  input: { eventId: string; requestId: number; personId: string },
): Promise<{ request: HelpRequest; changed: boolean }> {
  return db.transaction(async (tx) => {
    const found = await findHelpRequest(tx, input.eventId, input.requestId);
    const updated = await tx
      .update(helpRequests)
      .set({ resolvedAt: new Date(), resolvedBy: input.personId })
      .where(and(eq(helpRequests.id, found.help.id), isNull(helpRequests.resolvedAt)))
      .returning({ id: helpRequests.id });
    if (updated.length > 0) {
      await recordAudit(tx, {
        eventId: input.eventId,
        actorId: input.personId,
        action: 'help.resolve',
        details: { requestId: found.help.id, roomId: found.help.roomId },
      });
    }
    const request = toHelpRequest(await findHelpRequest(tx, input.eventId, input.requestId));
    return { request, changed: updated.length > 0 };
  });
}

/**
 * Who hears about a group's requests: every organizer of the event and the group's moderators,
 * as the database knows them now (also one named moderator after they connected), on each of
 * their connections wherever they are, and anyone steering the room (mods room).
 */
export async function helpAudience(db: DbOrTx, eventId: string, roomId: string) {
  const [organizers, moderators] = await Promise.all([
    db
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(
        and(
          eq(memberships.eventId, eventId),
          inArray(memberships.role, rolesThatMay('room.steerAny')),
        ),
      ),
    db
      .select({ personId: roomModerators.personId })
      .from(roomModerators)
      .where(eq(roomModerators.roomId, roomId)),
  ]);
  const listeners = new Set([...organizers, ...moderators].map((p) => p.personId));
  return [...[...listeners].map((id) => socketRoom.person(id)), socketRoom.mods(roomId)];
}
