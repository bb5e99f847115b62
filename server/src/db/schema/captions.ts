import { bigserial, boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef } from './columns.ts';
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
  changedBy: setNullRef('changed_by', () => people.id),
  changedAt: createdNow('changed_at'),
});

/** Final caption lines, stored only while the event's transcript is on. */
export const captionLines = pgTable(
  'caption_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: cascadeRef('event_id', () => events.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    /** Null once the captioner was erased: the words stay, the link to the person goes. */
    captionerId: setNullRef('captioner_id', () => people.id),
    text: text('text').notNull(),
    createdAt: createdNow('created_at'),
  },
  (t) => [index('caption_lines_event').on(t.eventId, t.id)],
);
