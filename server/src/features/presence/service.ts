import { and, asc, eq, sql } from 'drizzle-orm';
import type { PresenceList, PresencePerson, Role, RoomKind } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, people, presence, roomGrants, rooms } from '../../db/schema/index.ts';
import { mediaRightsFor } from '../livekit/grants.ts';

/**
 * A connection opened: remember when and where the person was seen, and answer whether they may
 * publish there — one statement, since every join runs it (the insert in the WITH always runs).
 */
export async function recordConnected(
  db: DbOrTx,
  eventId: string,
  personId: string,
  roomId: string | null,
): Promise<PublishRight> {
  const result = await db.execute(sql`
    with seen as (
      insert into presence (event_id, person_id, room_id, connected_at, last_seen_at)
      values (${eventId}, ${personId}, ${roomId}, now(), now())
      on conflict (event_id, person_id) do update set room_id = excluded.room_id,
        connected_at = excluded.connected_at, last_seen_at = excluded.last_seen_at
      returning 1
    )
    select m.role, r.kind, g.can_publish as promoted
    from memberships m
    left join rooms r on r.id = ${roomId}::uuid and r.event_id = m.event_id
    left join room_grants g on g.room_id = r.id and g.person_id = m.person_id
    where m.event_id = ${eventId} and m.person_id = ${personId}`);
  const [row] = (result as unknown as { rows: PublishRow[] }).rows;
  return publishRight(row);
}

export interface PublishRow {
  role: Role;
  kind: RoomKind | null;
  promoted: boolean | null;
}

export interface PublishRight {
  canPublish: boolean;
  promoted: boolean;
  /** The person's role in the event, for the people list. */
  role?: Role;
}

export function publishRight(row: PublishRow | undefined): PublishRight {
  const role = row?.role ?? undefined;
  if (!row?.kind) return { canPublish: false, promoted: false, ...(role && { role }) };
  const promoted = row.promoted ?? false;
  return { canPublish: mayPublish(row.role, row.kind, promoted), promoted, ...(role && { role }) };
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

/**
 * What decides who may publish where in an event: room kinds and moderators' promotions, in one
 * statement (every client asks for the list after each room change).
 */
export async function publishContext(db: DbOrTx, eventId: string) {
  const result = await db.execute(sql`
    select r.id, r.kind,
      coalesce(array_agg(g.person_id) filter (where g.can_publish), '{}') as promoted
    from rooms r left join room_grants g on g.room_id = r.id
    where r.event_id = ${eventId}
    group by r.id`);
  const rows = (result as unknown as { rows: { id: string; kind: RoomKind; promoted: string[] }[] })
    .rows;
  return {
    kinds: new Map(rows.map((r) => [r.id, r.kind])),
    promoted: new Set(rows.flatMap((r) => r.promoted.map((personId) => `${r.id}:${personId}`))),
  };
}
export type PublishContext = Awaited<ReturnType<typeof publishContext>>;

/** The same rule the LiveKit token follows (grants.ts), for the people list. */
function mayPublish(role: Role, kind: RoomKind | undefined, promoted: boolean): boolean {
  if (!kind) return false;
  return mediaRightsFor({ role, roomKind: kind, promoted }).canPublish;
}

/** Whether one person may publish in a room now, and whether by promotion, in one query. */
export async function publishRightNow(
  db: DbOrTx,
  eventId: string,
  personId: string,
  roomId: string | null,
): Promise<PublishRight> {
  if (!roomId) return { canPublish: false, promoted: false };
  const [row] = await db
    .select({ role: memberships.role, kind: rooms.kind, promoted: roomGrants.canPublish })
    .from(memberships)
    .leftJoin(rooms, and(eq(rooms.id, roomId), eq(rooms.eventId, eventId)))
    .leftJoin(
      roomGrants,
      and(eq(roomGrants.roomId, roomId), eq(roomGrants.personId, memberships.personId)),
    )
    .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)));
  return publishRight(row);
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
    const promoted = isOnline && roomId !== null && rights.promoted.has(`${roomId}:${m.personId}`);
    return {
      personId: m.personId,
      displayName: m.displayName,
      online: isOnline,
      roomId,
      lastSeenAt: m.lastSeenAt?.toISOString() ?? null,
      canPublish:
        isOnline && roomId !== null && mayPublish(m.role, rights.kinds.get(roomId), promoted),
      promoted,
      role: m.role,
    };
  });
  return { people: list, counts };
}
