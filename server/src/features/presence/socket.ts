import { can, PresenceListInput, type PresenceList } from '@plenum/shared';
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
  // The same list for everyone in the event: requests in flight at once share one. A socket that
  // starts watching joins the room of every change first, then takes a list read after that.
  onEvent(rt, socket, 'presence:list', PresenceListInput, async ({ people }, ctx) => {
    const key = `presence:${ctx.eventId}`;
    const read = () => listPresence(rt, ctx.eventId);
    if (people === 'everyone') {
      await socket.join(socketRoom.presenceWatchers(ctx.eventId));
      return rt.reads.runAfter(key, read);
    }
    await socket.leave(socketRoom.presenceWatchers(ctx.eventId));
    return featuredOnly(await rt.reads.run(key, read));
  });
}

/** The list as the stage needs it: only those whose changes reach everyone. */
function featuredOnly(list: PresenceList): PresenceList {
  return { ...list, people: list.people.filter((p) => can(p.role ?? null, 'presence.toEveryone')) };
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
  const { eventId, personId, displayName, role } = socket.data;
  const roomId = currentRoomOf(socket.rooms);
  const right = await writerOf(rt).connected(eventId, personId, roomId);
  const person = {
    personId,
    displayName,
    online: true,
    roomId,
    lastSeenAt: new Date().toISOString(),
    ...right,
  };
  rt.presence.queue(eventId, person, role);
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
  const person = {
    personId,
    displayName: first.data.displayName,
    online: true,
    roomId,
    lastSeenAt: new Date().toISOString(),
    ...(await publishRightNow(rt.db, eventId, personId, roomId)),
  };
  rt.presence.queue(eventId, person, first.data.role);
}

/** Offline only when the person's last socket in this event, on any node, has gone. */
export async function personDisconnected(
  rt: Realtime,
  socket: PlenumSocket,
  lastRoomId: string | null,
) {
  if (rt.closing) return;
  const { eventId, personId, displayName, role } = socket.data;
  const remaining = await rt.io.in(socketRoom.person(personId)).fetchSockets();
  if (remaining.some((s) => s.id !== socket.id && s.data.eventId === eventId)) return;
  await writerOf(rt).lastSeen(eventId, personId, lastRoomId);
  const person = {
    personId,
    displayName,
    online: false,
    roomId: lastRoomId,
    lastSeenAt: new Date().toISOString(),
    canPublish: false,
    promoted: false,
  };
  rt.presence.queue(eventId, person, role);
}
