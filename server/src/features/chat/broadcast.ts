import type { ChatDeleted, ChatLocked, ChatMessage } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

// Who sees a message (its room, or an announcement's audience) is the caller's to say. An empty
// audience sends nothing: Socket.IO would take `to([])` for everyone.
export function messageSent(io: PlenumServer, audience: string[], message: ChatMessage) {
  if (audience.length) io.to(audience).emit('chat:message', message);
}

export function messageDeleted(io: PlenumServer, audience: string[], deleted: ChatDeleted) {
  if (audience.length) io.to(audience).emit('chat:deleted', deleted);
}

export function messagePinned(io: PlenumServer, roomId: string, message: ChatMessage) {
  io.to(socketRoom.room(roomId)).emit('chat:pinned', message);
}

export function chatLocked(io: PlenumServer, locked: ChatLocked) {
  io.to(socketRoom.room(locked.roomId)).emit('chat:locked', locked);
}
