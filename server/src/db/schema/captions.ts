import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

/**
 * Whether the event keeps a transcript of its captions. Off unless the organizer switches it on:
 * live captions are for following along, a stored record of what was said is a decision.
 */
export const captionSettings = pgTable('caption_settings', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  transcriptEnabled: boolean('transcript_enabled').notNull().default(false),
  changedBy: uuid('changed_by').references(() => people.id, { onDelete: 'set null' }),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Final caption lines, stored only while the event's transcript is on. */
export const captionLines = pgTable(
  'caption_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    /** Null once the captioner was erased: the words stay, the link to the person goes. */
    captionerId: uuid('captioner_id').references(() => people.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('caption_lines_event').on(t.eventId, t.id)],
);
