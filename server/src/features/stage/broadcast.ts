import type { StageInterpreters, StageSpotlight } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

export function spotlightChanged(io: PlenumServer, spotlight: StageSpotlight) {
  io.to(socketRoom.room(spotlight.roomId)).emit('stage:spotlighted', spotlight);
}

export function interpretersChanged(io: PlenumServer, interpreters: StageInterpreters) {
  io.to(socketRoom.event(interpreters.eventId)).emit('stage:interpreters', interpreters);
}
