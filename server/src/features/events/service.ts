import { and, eq, inArray } from 'drizzle-orm';
import { rolesThatMay, type EventInput, type EventPatch } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { events, memberships, rooms } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import type { EventRow } from '../access/actor.ts';

export function toEvent(row: EventRow) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    timeZone: row.timeZone,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    privacyUrl: row.privacyUrl,
    imprintUrl: row.imprintUrl,
  };
}

/** Creates the event with its plenary; the creator (if any) becomes its organizer. */
export async function createEvent(db: Db, input: EventInput, creatorId: string | null) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: events.id })
      .from(events)
      .where(eq(events.slug, input.slug));
    if (existing)
      throw new AppError('conflict', `An event with the slug "${input.slug}" exists already.`);
    const [event] = await tx
      .insert(events)
      .values({
        slug: input.slug,
        title: input.title,
        description: input.description,
        timeZone: input.timeZone,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
      })
      .returning();
    await tx.insert(rooms).values({ eventId: event!.id, kind: 'plenary', name: 'Plenum' });
    if (creatorId) {
      await tx
        .insert(memberships)
        .values({ eventId: event!.id, personId: creatorId, role: 'organizer' });
    }
    await recordAudit(tx, {
      eventId: event!.id,
      actorId: creatorId,
      action: 'event.create',
      target: event!.slug,
    });
    return event!;
  });
}

export async function updateEvent(db: Db, event: EventRow, patch: EventPatch, actorId: string) {
  const startsAt = patch.startsAt ? new Date(patch.startsAt) : event.startsAt;
  const endsAt = patch.endsAt ? new Date(patch.endsAt) : event.endsAt;
  if (endsAt <= startsAt) {
    throw new AppError('validation_failed', 'The event must end after it starts.', 400, {
      'body.endsAt': 'must be after startsAt',
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(events)
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.timeZone !== undefined && { timeZone: patch.timeZone }),
        ...(patch.privacyUrl !== undefined && { privacyUrl: patch.privacyUrl }),
        ...(patch.imprintUrl !== undefined && { imprintUrl: patch.imprintUrl }),
        startsAt,
        endsAt,
      })
      .where(eq(events.id, event.id))
      .returning();
    await recordAudit(tx, { eventId: event.id, actorId, action: 'event.update', details: patch });
    return row!;
  });
}

/** Only organizers create events (the first one is made with the CLI). */
export async function isOrganizerSomewhere(db: Db, personId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        inArray(memberships.role, rolesThatMay('event.create')),
      ),
    )
    .limit(1);
  return Boolean(row);
}
