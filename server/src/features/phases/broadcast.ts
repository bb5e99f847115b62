import type { HelpRequest, Phase, RoomAssigned } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { helpAudience } from './help.ts';
import { toPhase, type PhaseRow } from './repository.ts';

/** The phase as stored now, to the whole event; returned, for the route to answer with. */
export async function phaseUpdated(io: PlenumServer, db: DbOrTx, phase: PhaseRow): Promise<Phase> {
  const view = await toPhase(db, phase);
  io.to(socketRoom.event(phase.eventId)).emit('phase:updated', view);
  return view;
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
