import {
  bigserial,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

/**
 * Media rights a moderator gave or took in one room, beyond what the role grants: an attendee
 * promoted to speak in the plenary, or a person removed from a room until re-admitted.
 */
export const roomGrants = pgTable(
  'room_grants',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    canPublish: boolean('can_publish').notNull().default(false),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.personId] })],
);

/** Who was in which room when, from LiveKit's webhooks; one row per LiveKit participant session. */
export const attendance = pgTable(
  'attendance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** LiveKit's participant session id: joined and left of one session meet on it. */
    participantSid: text('participant_sid').notNull().unique(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [index().on(t.roomId, t.joinedAt)],
);

/** Webhook event ids already handled: LiveKit retries, and a replay must change nothing. */
export const livekitWebhookEvents = pgTable('livekit_webhook_events', {
  id: text('id').primaryKey(),
  event: text('event').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
