import { socketRoom } from '../../realtime/rooms.ts';
import type { Realtime } from '../../realtime/types.ts';
import { handLowered } from './broadcast.ts';
import { dropHands, handsOfLeavers, LEFT_AFTER_MS } from './service.ts';

/**
 * Drops the raised hands of people who left the event: the database says their last connection
 * closed over `leftAfterMs` ago, and no node holds a socket of theirs in that event now (a
 * reconnect that raced the record keeps its hand). Every node may run this at once: the
 * conditional UPDATE gives each hand to exactly one, which tells the room.
 */
export async function dropHandsOfLeavers(
  rt: Pick<Realtime, 'db' | 'io'>,
  leftAfterMs = LEFT_AFTER_MS,
) {
  const candidates = await handsOfLeavers(rt.db, leftAfterMs);
  const gone: number[] = [];
  for (const hand of candidates) {
    const sockets = await rt.io.in(socketRoom.person(hand.personId)).fetchSockets();
    if (!sockets.some((s) => s.data.eventId === hand.eventId)) gone.push(hand.id);
  }
  const dropped = await dropHands(rt.db, gone);
  for (const hand of dropped) handLowered(rt.io, hand);
  return dropped;
}
