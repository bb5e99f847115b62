import { bigserial, boolean, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

/**
 * Media rights a moderator gave or took in one room, beyond what the role grants: an attendee
 * promoted to speak in the plenary, or a person removed from a room until re-admitted.
 */
export const roomGrants = pgTable(
  'room_grants',
  {
    roomId: cascadeRef('room_id', () => rooms.id),
    personId: cascadeRef('person_id', () => people.id),
    canPublish: boolean('can_publish').notNull().default(false),
    removedAt: timestamptz('removed_at'),
    updatedAt: createdNow('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.personId] })],
);

/** Who was in which room when, from LiveKit's webhooks; one row per LiveKit participant session. */
export const attendance = pgTable(
  'attendance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roomId: cascadeRef('room_id', () => rooms.id),
    personId: setNullRef('person_id', () => people.id),
    /** LiveKit's participant session id: joined and left of one session meet on it. */
    participantSid: text('participant_sid').notNull().unique(),
    joinedAt: timestamptz('joined_at').notNull(),
    leftAt: timestamptz('left_at'),
  },
  (t) => [index().on(t.roomId, t.joinedAt)],
);

/** Webhook event ids already handled: LiveKit retries, and a replay must change nothing. */
export const livekitWebhookEvents = pgTable('livekit_webhook_events', {
  id: text('id').primaryKey(),
  event: text('event').notNull(),
  receivedAt: createdNow('received_at'),
});
