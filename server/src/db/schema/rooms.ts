import { sql } from 'drizzle-orm';
import {
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  index,
} from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people } from './people.ts';

export const roomKindEnum = pgEnum('room_kind', ['plenary', 'working_group']);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: roomKindEnum('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    capacity: integer('capacity'),
    position: integer('position').notNull().default(0),
    /** Whom a moderator put on everyone's main tile ("spotlight for everyone"); null: nobody. */
    spotlightPersonId: uuid('spotlight_person_id').references(() => people.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.personId] })],
);
