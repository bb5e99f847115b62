import { sql } from 'drizzle-orm';
import {
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  index,
} from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';

export const roomKindEnum = pgEnum('room_kind', ['plenary', 'working_group']);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: cascadeRef('event_id', () => events.id),
    kind: roomKindEnum('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    capacity: integer('capacity'),
    position: integer('position').notNull().default(0),
    /** Whom a moderator put on everyone's main tile ("spotlight for everyone"); null: nobody. */
    spotlightPersonId: setNullRef('spotlight_person_id', () => people.id),
    createdAt: createdNow('created_at'),
  },
  (t) => [
    // Exactly one plenary per event.
    uniqueIndex('rooms_one_plenary')
      .on(t.eventId)
      .where(sql`${t.kind} = 'plenary'`),
    index().on(t.eventId),
  ],
);

export const roomModerators = pgTable(
  'room_moderators',
  {
    roomId: cascadeRef('room_id', () => rooms.id),
    personId: cascadeRef('person_id', () => people.id),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.personId] })],
);
