import { PresenceListInput, type PresenceList } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import { currentRoomOf, socketRoom } from '../../realtime/rooms.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { publishRightNow, listMembers, publishContext, summarizePresence } from './service.ts';
import { PresenceWriter } from './writer.ts';

/** One writer per node: the presence rows of a join storm go in a few statements. */
const writers = new WeakMap<Realtime, PresenceWriter>();
function writerOf(rt: Realtime): PresenceWriter {
  let writer = writers.get(rt);
  if (!writer) writers.set(rt, (writer = new PresenceWriter(rt.db)));
  return writer;
}

export function registerPresenceHandlers(rt: Realtime, socket: PlenumSocket) {
  // The same list for everyone in the event: requests in flight at once share one.
  onEvent(rt, socket, 'presence:list', PresenceListInput, (_input, ctx) =>
    rt.reads.run(`presence:${ctx.eventId}`, () => listPresence(rt, ctx.eventId)),
  );
}

/** Who is in the event: members from the database, online and room from the sockets of all nodes. */
export async function listPresence(rt: Realtime, eventId: string): Promise<PresenceList> {
  const [members, sockets, rights] = await Promise.all([
    listMembers(rt.db, eventId),
    rt.io.in(socketRoom.event(eventId)).fetchSockets(),
    publishContext(rt.db, eventId),
  ]);
  const online = new Map<string, string | null>();
  for (const s of sockets) {
    const roomId = currentRoomOf(s.rooms);
    if (!online.get(s.data.personId)) online.set(s.data.personId, roomId);
  }
  return summarizePresence(members, online, rights);
}

export async function personConnected(rt: Realtime, socket: PlenumSocket) {
  const { eventId, personId, displayName } = socket.data;
  const roomId = currentRoomOf(socket.rooms);
  const right = await writerOf(rt).connected(eventId, personId, roomId);
  rt.presence.queue(eventId, {
    personId,
    displayName,
    online: true,
    roomId,
    lastSeenAt: new Date().toISOString(),
    ...right,
  });
}

/**
 * Tells everyone where a person is now and whether they may publish there: after a visit, a
 * promotion or a demotion. Nothing is sent for someone who is not connected.
 */
export async function announcePresenceOf(rt: Realtime, eventId: string, personId: string) {
  const sockets = await rt.io.in(socketRoom.person(personId)).fetchSockets();
  const mine = sockets.filter((s) => s.data.eventId === eventId);
  const first = mine[0];
  if (!first) return;
  const roomId = mine.map((s) => currentRoomOf(s.rooms)).find(Boolean) ?? null;
  rt.presence.queue(eventId, {
    personId,
    displayName: first.data.displayName,
    online: true,
    roomId,
    lastSeenAt: new Date().toISOString(),
    ...(await publishRightNow(rt.db, eventId, personId, roomId)),
  });
}

/** Offline only when the person's last socket in this event, on any node, has gone. */
export async function personDisconnected(
  rt: Realtime,
  socket: PlenumSocket,
  lastRoomId: string | null,
) {
  if (rt.closing) return;
  const { eventId, personId, displayName } = socket.data;
  const remaining = await rt.io.in(socketRoom.person(personId)).fetchSockets();
  if (remaining.some((s) => s.id !== socket.id && s.data.eventId === eventId)) return;
  await writerOf(rt).lastSeen(eventId, personId, lastRoomId);
  rt.presence.queue(eventId, {
    personId,
    displayName,
    online: false,
    roomId: lastRoomId,
    lastSeenAt: new Date().toISOString(),
    canPublish: false,
    promoted: false,
  });
}
