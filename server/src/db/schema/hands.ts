import { sql } from 'drizzle-orm';
import { bigserial, index, pgEnum, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

export const handStatusEnum = pgEnum('hand_status', ['raised', 'lowered', 'taken', 'dismissed']);

/** Raised hands; the queue of a room is its `raised` rows in order of raising. */
export const raisedHands = pgTable(
  'raised_hands',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: cascadeRef('event_id', () => events.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    personId: cascadeRef('person_id', () => people.id),
    status: handStatusEnum('status').notNull().default('raised'),
    raisedAt: createdNow('raised_at'),
    closedAt: timestamptz('closed_at'),
    closedBy: setNullRef('closed_by', () => people.id),
  },
  (t) => [
    // One raised hand per person and room at a time.
    uniqueIndex('raised_hands_one_open')
      .on(t.roomId, t.personId)
      .where(sql`${t.status} = 'raised'`),
    index('raised_hands_queue').on(t.roomId, t.status, t.raisedAt),
  ],
);
