import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { events, memberships } from '../../db/schema/index.ts';

/** The events a person is a member of, with their role in each. */
export async function eventsOfPerson(db: DbOrTx, personId: string) {
  return db
    .select({
      eventId: events.id,
      slug: events.slug,
      title: events.title,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(events, eq(events.id, memberships.eventId))
    .where(eq(memberships.personId, personId));
}
