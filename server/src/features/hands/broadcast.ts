import type { Hand } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

// A hand's changes go to everyone in its room: the queue is on all their screens.
const roomOf = (io: PlenumServer, hand: Hand) => io.to(socketRoom.room(hand.roomId));

export function handRaised(io: PlenumServer, hand: Hand) {
  roomOf(io, hand).emit('hand:raised', hand);
}

export function handLowered(io: PlenumServer, hand: Hand) {
  roomOf(io, hand).emit('hand:lowered', hand);
}

export function handTaken(io: PlenumServer, hand: Hand) {
  roomOf(io, hand).emit('hand:taken', hand);
}

export function handDismissed(io: PlenumServer, hand: Hand) {
  roomOf(io, hand).emit('hand:dismissed', hand);
}
