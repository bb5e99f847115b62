import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  agendaItems,
  events,
  memberships,
  people,
  roomModerators,
  rooms,
} from '../../db/schema/index.ts';
import { createEvent } from '../events/service.ts';
import { findPlenary } from '../rooms/repository.ts';
import { demoAgenda, demoEvent, demoWorkingGroups } from './forum-sozialplanung.ts';

export const DEMO_SLUG = demoEvent.slug;

/**
 * Creates the demo forum if it is missing: two days in Europe/Berlin, talks from three
 * municipalities, three working groups with a moderator each. Returns whether it was created.
 */
export async function ensureDemoEvent(db: Db, now = new Date()): Promise<boolean> {
  const [existing] = await db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.slug, DEMO_SLUG));
  if (existing) return false;
  const { input, dayOne, dayTwo } = demoEvent.datesFrom(now);
  const event = await createEvent(db, input, null);
  await db.transaction(async (tx) => {
    const plenary = await findPlenary(tx, event.id);
    const groups = [];
    for (const [i, group] of demoWorkingGroups.entries()) {
      const [moderator] = await tx
        .insert(people)
        .values({ displayName: group.moderator })
        .returning();
      await tx
        .insert(memberships)
        .values({ eventId: event.id, personId: moderator!.id, role: 'moderator' });
      const [room] = await tx
        .insert(rooms)
        .values({
          eventId: event.id,
          kind: 'working_group',
          name: group.name,
          description: group.description,
          capacity: 40,
          position: i + 1,
        })
        .returning();
      await tx.insert(roomModerators).values({ roomId: room!.id, personId: moderator!.id });
      groups.push(room!);
    }
    await tx.insert(agendaItems).values(
      demoAgenda(dayOne, dayTwo).map((item) => ({
        eventId: event.id,
        roomId: item.kind === 'working_group_phase' ? null : plenary.id,
        kind: item.kind,
        title: item.title,
        description: item.description ?? '',
        speakers: item.speakers ?? [],
        startsAt: item.startsAt,
        durationMinutes: item.durationMinutes,
      })),
    );
  });
  return true;
}
