import { registerChatHandlers } from '../features/chat/socket.ts';
import { registerHandHandlers } from '../features/hands/socket.ts';
import { registerQuestionHandlers } from '../features/questions/socket.ts';
import { registerStageHandlers } from '../features/stage/socket.ts';
import { registerVisitHandlers } from '../features/visits/socket.ts';
import {
  personConnected,
  personDisconnected,
  registerPresenceHandlers,
} from '../features/presence/socket.ts';
import { capConnections } from './connection-caps.ts';
import { closeWithNotice, recheckRecovered } from './recovery.ts';
import { currentRoomOf } from './rooms.ts';
import type { PlenumSocket, Realtime } from './types.ts';

/** A socket passed the handshake: its handlers first, then its rooms, then presence. */
export function onConnection(rt: Realtime, socket: PlenumSocket) {
  if (rt.endedSessions.has(socket.data.sessionId)) {
    return closeWithNotice(rt, socket, {
      reason: 'session_ended',
      message: 'Your session has ended; please sign in again with your invitation link.',
    });
  }
  registerPresenceHandlers(rt, socket);
  registerChatHandlers(rt, socket);
  registerHandHandlers(rt, socket);
  registerQuestionHandlers(rt, socket);
  registerVisitHandlers(rt, socket);
  registerStageHandlers(rt, socket);
  for (const register of rt.socketHandlers) register(rt, socket);

  // A recovered socket got its rooms back with its session, and what changed meanwhile is
  // checked again; a fresh one starts where it belongs.
  if (socket.recovered) recheckRecovered(rt, socket);
  else void socket.join(socket.data.initialRooms);
  capConnections(rt, socket);

  let lastRoom: string | null = null;
  socket.on('disconnecting', () => {
    lastRoom = currentRoomOf(socket.rooms);
  });
  socket.on('disconnect', () => {
    // Tracked so that a closing node lets these finish before it closes its Redis clients.
    const task = personDisconnected(rt, socket, lastRoom)
      .catch((err) => rt.log.warn({ err }, 'presence update after disconnect failed'))
      .finally(() => rt.pendingTasks.delete(task));
    rt.pendingTasks.add(task);
  });
  personConnected(rt, socket).catch((err) =>
    rt.log.warn({ err }, 'presence update after connect failed'),
  );
}
