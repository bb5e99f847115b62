import type { ReactionBurst } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

/** One window of one node's counted reactions, to everyone in the room. */
export function reactionBurst(io: PlenumServer, burst: ReactionBurst) {
  io.to(socketRoom.room(burst.roomId)).emit('reaction:burst', burst);
}
