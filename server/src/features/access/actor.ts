import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { can, type Actor, type EventAction, type Role } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { events, memberships, roomModerators, rooms } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/app-error.ts';

export interface EventRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  privacyUrl: string | null;
  imprintUrl: string | null;
}

export async function findEventBySlug(db: DbOrTx, slug: string): Promise<EventRow | null> {
  const [row] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  return row ?? null;
}

/** The person's rights in one event, as `can()` needs them. */
export async function loadActor(db: DbOrTx, personId: string, eventId: string): Promise<Actor> {
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)))
    .limit(1);
  const moderated = await db
    .select({ roomId: roomModerators.roomId })
    .from(roomModerators)
    .innerJoin(rooms, eq(rooms.id, roomModerators.roomId))
    .where(and(eq(roomModerators.personId, personId), eq(rooms.eventId, eventId)));
  return {
    personId,
    eventId,
    role: (membership?.role as Role | undefined) ?? null,
    moderatedRoomIds: new Set(moderated.map((m) => m.roomId)),
  };
}

/**
 * The rights of many people at once, one statement (the socket layer's actors, loaded together
 * when many events arrive at once): one Actor per pair, in the order given.
 */
export async function loadActors(
  db: DbOrTx,
  pairs: { personId: string; eventId: string }[],
): Promise<Actor[]> {
  const result = await db.execute(sql`
    select m.role::text as role, coalesce((
      select array_agg(rm.room_id::text) from ${roomModerators} rm
      join ${rooms} r on r.id = rm.room_id
      where rm.person_id = p.person_id and r.event_id = p.event_id
    ), '{}') as moderated
    from unnest(${sql.param(pairs.map((p) => p.personId))}::uuid[],
      ${sql.param(pairs.map((p) => p.eventId))}::uuid[]) with ordinality as p(person_id, event_id, n)
    left join ${memberships} m on m.person_id = p.person_id and m.event_id = p.event_id
    order by p.n`);
  const rows = (result as unknown as { rows: { role: string | null; moderated: string[] }[] }).rows;
  return pairs.map((p, i) => ({
    personId: p.personId,
    eventId: p.eventId,
    role: (rows[i]?.role as Role | null | undefined) ?? null,
    moderatedRoomIds: new Set(rows[i]?.moderated ?? []),
  }));
}

/**
 * The event and the caller's rights in it. Non-members learn nothing about the event, not even
 * that it exists: both cases answer 404.
 */
export async function resolveEventActor(db: DbOrTx, personId: string, slug: string) {
  const event = await findEventBySlug(db, slug);
  if (!event) throw notFound('Event');
  const actor = await loadActor(db, personId, event.id);
  if (actor.role === null) throw notFound('Event');
  return { event, actor };
}

export const requireRight = (allowed: boolean, what: string) => {
  if (!allowed)
    throw new AppError('forbidden', `Your role in this event does not allow you to ${what}.`);
};

/**
 * What nearly every event route starts with: the signed-in person, the event by slug and their
 * rights in it — and, when an action is named, a 403 unless `can()` allows it.
 */
export async function requireEventActor(
  request: FastifyRequest,
  slug: string,
  right?: { action: EventAction; what: string },
) {
  const person = await request.requirePerson();
  const { event, actor } = await resolveEventActor(request.server.db, person.personId, slug);
  if (right) requireRight(can(actor, right.action, { eventId: event.id }), right.what);
  return { person, event, actor };
}
