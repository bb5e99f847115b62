import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor, RoomKind } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { preparedPer } from '../../db/prepared.ts';
import { events, memberships, people, rooms, sessions } from '../../db/schema/index.ts';
import { hashToken } from '../../lib/tokens.ts';
import type { SessionPerson } from '../sessions/service.ts';
import type { RoomRow } from '../rooms/repository.ts';

/*
 * The join path's reads, one round trip each: a browser joining an event opens a socket and asks
 * for a LiveKit token right after redeeming its link, and each of those used to take 7 queries
 * (session, event, membership, moderated rooms, rooms, grants, assignments). Each lookup here is
 * one prepared statement that answers everything its caller decides on.
 */

const validSession = and(
  eq(sessions.tokenHash, sql.placeholder('tokenHash')),
  isNull(sessions.revokedAt),
  gt(sessions.expiresAt, sql`now()`),
);

/** The person's moderated rooms in the event of `eventId` (an SQL expression), as a JSON array. */
const moderatedIn = (eventId: unknown) => sql<string[]>`coalesce((
  select json_agg(rm.room_id) from room_moderators rm join rooms mr on mr.id = rm.room_id
  where rm.person_id = ${people.id} and mr.event_id = ${eventId}), '[]'::json)`;

const handshakeQuery = preparedPer((db) =>
  db
    .select({
      sessionId: sessions.id,
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
      eventId: events.id,
      role: memberships.role,
      moderatedRoomIds: moderatedIn(events.id),
      eventRooms: sql<{ id: string; kind: RoomKind }[]>`coalesce((
        select json_agg(json_build_object('id', er.id, 'kind', er.kind)) from rooms er
        where er.event_id = ${events.id}), '[]'::json)`,
      // As groupOfPersonNow: the open phase's group, else the first group of it one moderates.
      groupNow: sql<string | null>`(
        select coalesce(
          (select a.room_id from assignments a where a.phase_id = ph.id and a.person_id = ${people.id}),
          (select pr.room_id from phase_rooms pr join room_moderators gm on gm.room_id = pr.room_id
            where pr.phase_id = ph.id and gm.person_id = ${people.id} limit 1))
        from phases ph where ph.event_id = ${events.id} and ph.status = 'open' limit 1)`,
      removedRoomIds: sql<string[]>`coalesce((
        select json_agg(g.room_id) from room_grants g join rooms gr on gr.id = g.room_id
        where g.person_id = ${people.id} and gr.event_id = ${events.id}
          and g.removed_at is not null), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(events, eq(events.slug, sql.placeholder('slug')))
    .leftJoin(
      memberships,
      and(eq(memberships.eventId, events.id), eq(memberships.personId, people.id)),
    )
    .where(validSession)
    .limit(1)
    .prepare('signed_in_event_member'),
);

export interface EventMemberAtConnect {
  person: SessionPerson;
  /** Null when the event does not exist or the person is no member of it. */
  member: {
    actor: Actor;
    eventRooms: { id: string; kind: RoomKind }[];
    /** The working group the person belongs in now (open phase), or null. */
    groupNow: string | null;
    removedRoomIds: ReadonlySet<string>;
  } | null;
}

/** Everything the socket handshake decides on, from the session secret and the event's slug. */
export async function findEventMemberBySession(
  db: DbOrTx,
  secret: string,
  slug: string,
): Promise<EventMemberAtConnect | null> {
  const [row] = await handshakeQuery(db).execute({ tokenHash: hashToken(secret), slug });
  if (!row) return null;
  const person = personOf(row);
  if (!row.eventId || !row.role) return { person, member: null };
  return {
    person,
    member: {
      actor: actorOf(row, row.eventId, row.role),
      eventRooms: row.eventRooms,
      groupNow: row.groupNow,
      removedRoomIds: new Set(row.removedRoomIds),
    },
  };
}

const roomStandingQuery = preparedPer((db) =>
  db
    .select({
      sessionId: sessions.id,
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
      room: rooms,
      role: memberships.role,
      moderatedRoomIds: moderatedIn(rooms.eventId),
      removed: sql<boolean>`exists(select 1 from room_grants g where g.room_id = ${rooms.id}
        and g.person_id = ${people.id} and g.removed_at is not null)`,
      promoted: sql<boolean>`coalesce((select g.can_publish from room_grants g
        where g.room_id = ${rooms.id} and g.person_id = ${people.id}), false)`,
      assignedNow: sql<boolean>`exists(select 1 from assignments a
        join phases ph on ph.id = a.phase_id
        where a.person_id = ${people.id} and a.room_id = ${rooms.id} and ph.status = 'open')`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(rooms, eq(rooms.id, sql.placeholder('roomId')))
    .leftJoin(
      memberships,
      and(eq(memberships.eventId, rooms.eventId), eq(memberships.personId, people.id)),
    )
    .where(validSession)
    .limit(1)
    .prepare('signed_in_room_standing'),
);

/** Where a person stands in one room: what a token decision needs, nothing more. */
export interface RoomStanding {
  removed: boolean;
  promoted: boolean;
  /** Assigned to this room in the phase that is open now. */
  assignedNow: boolean;
}

export interface SignedInRoomActor {
  person: SessionPerson;
  /** Null when the room does not exist or the person is no member of its event. */
  inRoom: { room: RoomRow; actor: Actor; standing: RoomStanding } | null;
}

/** The signed-in person, the room, and their rights and standing in it, in one round trip. */
export async function findRoomActorBySession(
  db: DbOrTx,
  secret: string,
  roomId: string,
): Promise<SignedInRoomActor | null> {
  const [row] = await roomStandingQuery(db).execute({ tokenHash: hashToken(secret), roomId });
  if (!row) return null;
  const person = personOf(row);
  if (!row.room || !row.role) return { person, inRoom: null };
  return {
    person,
    inRoom: {
      room: row.room,
      actor: actorOf(row, row.room.eventId, row.role),
      standing: { removed: row.removed, promoted: row.promoted, assignedNow: row.assignedNow },
    },
  };
}

/** The session's person out of a wider row (the row has the event's columns too). */
function personOf(row: SessionPerson): SessionPerson {
  return {
    sessionId: row.sessionId,
    personId: row.personId,
    displayName: row.displayName,
    email: row.email,
  };
}

function actorOf(
  row: { personId: string; moderatedRoomIds: string[] },
  eventId: string,
  role: Actor['role'],
): Actor {
  return { personId: row.personId, eventId, role, moderatedRoomIds: new Set(row.moderatedRoomIds) };
}
