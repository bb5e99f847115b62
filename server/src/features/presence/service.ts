import { and, asc, eq, sql } from 'drizzle-orm';
import type { PresenceList, PresencePerson, Role, RoomKind } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, people, presence, roomGrants, rooms } from '../../db/schema/index.ts';
import { mediaRightsFor } from '../livekit/grants.ts';

/** A connection opened: remember when and where the person was seen. */
export async function recordConnected(
  db: DbOrTx,
  eventId: string,
  personId: string,
  roomId: string | null,
) {
  const now = new Date();
  await db
    .insert(presence)
    .values({ eventId, personId, roomId, connectedAt: now, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [presence.eventId, presence.personId],
      set: { roomId, connectedAt: now, lastSeenAt: now },
    });
}

/** The person's last connection closed. */
export async function recordLastSeen(
  db: DbOrTx,
  eventId: string,
  personId: string,
  roomId: string | null,
) {
  await db
    .update(presence)
    .set({ lastSeenAt: new Date(), ...(roomId && { roomId }) })
    .where(and(eq(presence.eventId, eventId), eq(presence.personId, personId)));
}

/** Every member of the event with what the database knows: name, last room, last seen. */
export async function listMembers(db: DbOrTx, eventId: string) {
  return db
    .select({
      personId: people.id,
      displayName: people.displayName,
      role: memberships.role,
      roomId: presence.roomId,
      lastSeenAt: presence.lastSeenAt,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(
      presence,
      and(eq(presence.eventId, memberships.eventId), eq(presence.personId, memberships.personId)),
    )
    .where(eq(memberships.eventId, eventId))
    .orderBy(asc(sql`lower(${people.displayName})`), asc(people.id));
}

/** What decides who may publish where in an event: room kinds and moderators' promotions. */
export async function publishContext(db: DbOrTx, eventId: string) {
  const [eventRooms, promoted] = await Promise.all([
    db.select({ id: rooms.id, kind: rooms.kind }).from(rooms).where(eq(rooms.eventId, eventId)),
    db
      .select({ roomId: roomGrants.roomId, personId: roomGrants.personId })
      .from(roomGrants)
      .innerJoin(rooms, eq(rooms.id, roomGrants.roomId))
      .where(and(eq(rooms.eventId, eventId), eq(roomGrants.canPublish, true))),
  ]);
  return {
    kinds: new Map(eventRooms.map((r) => [r.id, r.kind])),
    promoted: new Set(promoted.map((g) => `${g.roomId}:${g.personId}`)),
  };
}
export type PublishContext = Awaited<ReturnType<typeof publishContext>>;

/** The same rule the LiveKit token follows (grants.ts), for the people list. */
function mayPublish(role: Role, kind: RoomKind | undefined, promoted: boolean): boolean {
  if (!kind) return false;
  return mediaRightsFor({ role, roomKind: kind, promoted }).canPublish;
}

/**
 * Whether one person may publish in a room now, in one query (role, room kind, promotion).
 * Null room or a non-member: no.
 */
export async function canPublishNow(
  db: DbOrTx,
  eventId: string,
  personId: string,
  roomId: string | null,
): Promise<boolean> {
  if (!roomId) return false;
  const [row] = await db
    .select({ role: memberships.role, kind: rooms.kind, promoted: roomGrants.canPublish })
    .from(memberships)
    .leftJoin(rooms, and(eq(rooms.id, roomId), eq(rooms.eventId, eventId)))
    .leftJoin(
      roomGrants,
      and(eq(roomGrants.roomId, roomId), eq(roomGrants.personId, memberships.personId)),
    )
    .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)));
  if (!row) return false;
  return mayPublish(row.role, row.kind ?? undefined, row.promoted ?? false);
}

/**
 * Members merged with who is online right now (person → room, from the sockets of every node).
 * Counts are people, not sockets: two tabs count once. Offline people publish nowhere.
 */
export function summarizePresence(
  members: Awaited<ReturnType<typeof listMembers>>,
  online: ReadonlyMap<string, string | null>,
  rights: PublishContext,
): PresenceList {
  const counts: Record<string, number> = {};
  const list: PresencePerson[] = members.map((m) => {
    const isOnline = online.has(m.personId);
    const roomId = isOnline ? (online.get(m.personId) ?? null) : m.roomId;
    if (isOnline && roomId) counts[roomId] = (counts[roomId] ?? 0) + 1;
    const promoted = roomId !== null && rights.promoted.has(`${roomId}:${m.personId}`);
    return {
      personId: m.personId,
      displayName: m.displayName,
      online: isOnline,
      roomId,
      lastSeenAt: m.lastSeenAt?.toISOString() ?? null,
      canPublish:
        isOnline && roomId !== null && mayPublish(m.role, rights.kinds.get(roomId), promoted),
    };
  });
  return { people: list, counts };
}
