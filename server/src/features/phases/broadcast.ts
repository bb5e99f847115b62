import type { HelpRequest, Phase, RoomAssigned } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { helpAudience } from './help.ts';
import { findPhase, toPhase, type PhaseRow } from './repository.ts';

/** The phase as stored now, to the whole event; returned, for the route to answer with. */
export async function phaseUpdated(io: PlenumServer, db: DbOrTx, phase: PhaseRow): Promise<Phase> {
  const view = await toPhase(db, phase);
  io.to(socketRoom.event(phase.eventId)).emit('phase:updated', view);
  return view;
}

/** How long a change to a phase waits for others to share its `phase:updated`. */
export const PHASE_UPDATE_COALESCE_MS = 250;
const pendingUpdates = new WeakMap<PlenumServer, Map<string, Promise<Phase>>>();

/**
 * Like phaseUpdated for a burst of small changes (people choosing groups): every change stored
 * within PHASE_UPDATE_COALESCE_MS reaches the event as one `phase:updated`, read from the
 * database after the window, so it carries each of them (the caller's is stored before it calls)
 * and nothing that was not stored. At most ~4 per second per phase and node instead of one per
 * choice, each 4–19 KB to every socket of the event. Resolves to the phase sent.
 */
export function phaseUpdatedSoon(io: PlenumServer, db: DbOrTx, phaseId: string): Promise<Phase> {
  let pending = pendingUpdates.get(io);
  if (!pending) pendingUpdates.set(io, (pending = new Map()));
  const waiting = pending.get(phaseId);
  if (waiting) return waiting;
  const map = pending;
  const next = new Promise((resolve) => setTimeout(resolve, PHASE_UPDATE_COALESCE_MS)).then(
    async () => {
      // A change arriving from now on may not be in the read below: it starts the next window.
      map.delete(phaseId);
      return phaseUpdated(io, db, await findPhase(db, phaseId));
    },
  );
  map.set(phaseId, next);
  return next;
}

export async function helpRequested(
  io: PlenumServer,
  db: DbOrTx,
  eventId: string,
  help: HelpRequest,
) {
  io.to(await helpAudience(db, eventId, help.roomId)).emit('help:requested', help);
}

export async function helpUpdated(
  io: PlenumServer,
  db: DbOrTx,
  eventId: string,
  request: HelpRequest,
) {
  io.to(await helpAudience(db, eventId, request.roomId)).emit('help:updated', request);
}

/** The server moved a person: their client switches to the room and media it is given. */
export function roomAssigned(io: PlenumServer, personId: string, assigned: RoomAssigned) {
  io.to(socketRoom.person(personId)).emit('room:assigned', assigned);
}
