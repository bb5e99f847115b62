import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  pgEnum,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

export const handStatusEnum = pgEnum('hand_status', ['raised', 'lowered', 'taken', 'dismissed']);

/** Raised hands; the queue of a room is its `raised` rows in order of raising. */
export const raisedHands = pgTable(
  'raised_hands',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: handStatusEnum('status').notNull().default('raised'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    // One raised hand per person and room at a time.
    uniqueIndex('raised_hands_one_open')
      .on(t.roomId, t.personId)
      .where(sql`${t.status} = 'raised'`),
    index('raised_hands_queue').on(t.roomId, t.status, t.raisedAt),
  ],
);
