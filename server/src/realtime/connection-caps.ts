import type { SocketClosed } from '@plenum/shared';
import { socketRoom } from './rooms.ts';
import type { PlenumSocket, Realtime } from './types.ts';

/**
 * How many connections one person keeps open at once, on all nodes together: a few tabs and
 * devices, never the hundreds a script opens to starve everybody else (issue #16). The oldest
 * beyond the cap is closed with `socket:closed` (`too_many_connections`).
 */
export const CONNECTION_CAPS = { perSession: 5, perPerson: 10 };

const notice: SocketClosed = {
  reason: 'too_many_connections',
  message: 'You opened this event in too many windows; this, the oldest one, was closed.',
};

/**
 * Runs after each connection; per person one check at a time (they ask every node), and one more
 * if connections arrived while it ran.
 */
export function capConnections(rt: Realtime, socket: PlenumSocket, caps = CONNECTION_CAPS) {
  const { personId } = socket.data;
  let state = checks.get(rt);
  if (!state) checks.set(rt, (state = { checking: new Set(), again: new Set() }));
  const { checking, again } = state;
  if (checking.has(personId)) return void again.add(personId);
  const run = async () => {
    do {
      again.delete(personId);
      await closeBeyondCaps(rt, personId, caps);
    } while (again.has(personId));
  };
  checking.add(personId);
  run()
    .catch((err) => rt.log.warn({ err }, 'connection cap check failed'))
    .finally(() => checking.delete(personId));
}

/** Per node: the people whose connections are being counted, and those to count once more. */
const checks = new WeakMap<Realtime, { checking: Set<string>; again: Set<string> }>();

async function closeBeyondCaps(rt: Realtime, personId: string, caps: typeof CONNECTION_CAPS) {
  const sockets = await rt.io.in(socketRoom.person(personId)).fetchSockets();
  if (sockets.length <= Math.min(caps.perSession, caps.perPerson)) return;
  // Newest first: those are kept.
  const newestFirst = [...sockets].sort((a, b) => b.data.connectedAt - a.data.connectedAt);
  const perSession = new Map<string, number>();
  let kept = 0;
  for (const socket of newestFirst) {
    const inSession = (perSession.get(socket.data.sessionId) ?? 0) + 1;
    perSession.set(socket.data.sessionId, inSession);
    if (inSession <= caps.perSession && kept < caps.perPerson) {
      kept++;
      continue;
    }
    // One of this node's own straight away (through the adapter the notice would arrive after
    // the disconnection); another node's through the adapter, which keeps the order.
    const local = rt.io.of('/').sockets.get(socket.id);
    if (local) {
      rt.io.local.to(local.id).emit('socket:closed', notice);
      local.disconnect(true);
    } else {
      socket.emit('socket:closed', notice);
      socket.disconnect(true);
    }
  }
}
