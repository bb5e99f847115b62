import { and, eq } from 'drizzle-orm';
import { can, type Actor } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { assignments, phaseRooms, phases, rooms } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/app-error.ts';
import { isRemovedFrom, roomTarget } from '../access/room-access.ts';
import type { DocTarget } from './keys.ts';

export interface NotesRights {
  read: boolean;
  write: boolean;
}

const none: NotesRights = { read: false, write: false };

/**
 * Who reads and writes a notes document.
 *
 * A group's document: the people assigned to that group in that phase (not in a draft: nobody is
 * placed yet), the group's moderators and the organizers. Nobody else — not other groups, not
 * moderators of other groups, not captioners. The phase decides writing: a draft is prepared by
 * staff, an open phase is written by all of them, a closed phase is read-only for everyone (its
 * notes are the results shown in the plenary and exported; they no longer change).
 *
 * The plenary's document: everyone in the event reads, organizers and moderators write.
 */
export async function notesRights(
  db: DbOrTx,
  actor: Actor,
  target: DocTarget,
  plenaryId: string,
): Promise<NotesRights> {
  if (!can(actor, 'event.view', { eventId: target.eventId })) return none;
  if (target.kind === 'plenary') {
    const write = can(actor, 'notes.moderate', {
      eventId: target.eventId,
      roomId: plenaryId,
      kind: 'plenary',
    });
    return { read: true, write };
  }
  const [row] = await db
    .select({ status: phases.status, room: rooms, assignedTo: assignments.roomId })
    .from(phaseRooms)
    .innerJoin(phases, eq(phases.id, phaseRooms.phaseId))
    .innerJoin(rooms, eq(rooms.id, phaseRooms.roomId))
    .leftJoin(
      assignments,
      and(eq(assignments.phaseId, phases.id), eq(assignments.personId, actor.personId)),
    )
    .where(
      and(
        eq(phaseRooms.phaseId, target.phaseId),
        eq(phaseRooms.roomId, target.roomId),
        eq(phases.eventId, target.eventId),
      ),
    );
  if (!row) throw notFound('Working group of this phase');
  const staff = can(actor, 'notes.moderate', roomTarget(row.room));
  const member =
    row.status !== 'draft' &&
    row.assignedTo === target.roomId &&
    can(actor, 'room.contribute', { eventId: target.eventId }) &&
    !(await isRemovedFrom(db, target.roomId, actor.personId));
  if (!staff && !member) return none;
  if (row.status === 'closed') return { read: true, write: false };
  return { read: true, write: row.status === 'open' || staff };
}

export function requireRead(target: DocTarget, rights: NotesRights) {
  if (!rights.read) {
    throw new AppError(
      'forbidden',
      target.kind === 'plenary'
        ? 'You are not a member of this event.'
        : 'Only the members of this working group, its moderators and the organizers read its notes.',
    );
  }
}

export function requireWrite(target: DocTarget, rights: NotesRights) {
  requireRead(target, rights);
  if (!rights.write) {
    throw new AppError(
      'forbidden',
      target.kind === 'plenary'
        ? 'Only organizers and moderators write the plenary notes.'
        : 'These notes are read-only now (the phase is closed, or not yet open).',
    );
  }
}

export async function requireNotesReader(
  db: DbOrTx,
  actor: Actor,
  target: DocTarget,
  plenaryId: string,
) {
  const rights = await notesRights(db, actor, target, plenaryId);
  requireRead(target, rights);
  return rights;
}
