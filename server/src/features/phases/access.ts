import { can } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/app-error.ts';
import { loadActor } from '../access/actor.ts';
import { mayBeInRoom, roomTarget } from '../access/room-access.ts';
import { findRoomById } from '../rooms/repository.ts';
import { findPhase } from './repository.ts';
import { requireNotesReader as requireDocReader } from '../notes/access.ts';
import { docTarget } from '../notes/keys.ts';

/** The phase and the caller's rights in its event; phases of other events do not exist. */
export async function findPhaseAndActor(db: DbOrTx, personId: string, phaseId: string) {
  const phase = await findPhase(db, phaseId);
  const actor = await loadActor(db, personId, phase.eventId);
  if (actor.role === null) throw notFound('Working-group phase');
  return { phase, actor };
}

/**
 * Notes and help belong to the people of the group while it meets, its moderators and the
 * organizers (who may also edit afterwards).
 */
export async function requireGroupMember(
  db: DbOrTx,
  personId: string,
  phaseId: string,
  roomId: string,
) {
  const { phase, actor } = await findPhaseAndActor(db, personId, phaseId);
  const room = await findRoomById(db, roomId);
  if (!room || room.eventId !== phase.eventId) throw notFound('Working group');
  // A captioner looks into groups to caption them, and writes nothing of theirs.
  if (!can(actor, 'room.contribute', { eventId: phase.eventId })) {
    throw new AppError('forbidden', 'Your role in this event does not allow you to do this.');
  }
  const moderates = can(actor, 'notes.moderate', roomTarget(room));
  if (!moderates && (phase.status !== 'open' || !(await mayBeInRoom(db, actor, room)))) {
    throw new AppError(
      'forbidden',
      'Only the members of this working group can do this while it meets.',
    );
  }
  return { phase, room };
}

/**
 * Reading a group's notes in one piece (REST): once the phase is closed they are the event's
 * results, for everyone; until then the rights of the live document (features/notes/access.ts):
 * the group's members while it meets, its moderators and the organizers — nobody else.
 */
export async function requireNotesReader(
  db: DbOrTx,
  personId: string,
  phaseId: string,
  roomId: string,
) {
  const { phase, actor } = await findPhaseAndActor(db, personId, phaseId);
  if (phase.status === 'closed') return { phase, actor };
  const target = docTarget({ kind: 'group', phaseId, roomId }, phase.eventId);
  await requireDocReader(db, actor, target, '');
  return { phase, actor };
}

/** All groups' notes at once: the whole event after the phase, until then those who visit any group. */
export async function requireResultsReader(db: DbOrTx, personId: string, phaseId: string) {
  const { phase, actor } = await findPhaseAndActor(db, personId, phaseId);
  if (phase.status !== 'closed' && !can(actor, 'room.visitAny', { eventId: phase.eventId })) {
    throw new AppError('forbidden', 'The groups’ results are shown once the phase is closed.');
  }
  return { phase, actor };
}
