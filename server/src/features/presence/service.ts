import { and, asc, eq, sql } from 'drizzle-orm';
import type { PresenceList, PresencePerson } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, people, presence } from '../../db/schema/index.ts';

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
 * Members merged with who is online right now (person → room, from the sockets of every node).
 * Counts are people, not sockets: two tabs count once.
 */
export function summarizePresence(
  members: Awaited<ReturnType<typeof listMembers>>,
  online: ReadonlyMap<string, string | null>,
): PresenceList {
  const counts: Record<string, number> = {};
  const list: PresencePerson[] = members.map((m) => {
    const isOnline = online.has(m.personId);
    const roomId = isOnline ? (online.get(m.personId) ?? null) : m.roomId;
    if (isOnline && roomId) counts[roomId] = (counts[roomId] ?? 0) + 1;
    return {
      personId: m.personId,
      displayName: m.displayName,
      online: isOnline,
      roomId,
      lastSeenAt: m.lastSeenAt?.toISOString() ?? null,
    };
  });
  return { people: list, counts };
}
