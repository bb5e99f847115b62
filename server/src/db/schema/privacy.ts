import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people } from './people.ts';

/**
 * Per-event retention: how many days chat and notes are kept. A missing row or a null column keeps
 * them as long as the event exists. Every node's retention job reads this table.
 */
export const eventPrivacy = pgTable('event_privacy', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  chatRetentionDays: integer('chat_retention_days'),
  notesRetentionDays: integer('notes_retention_days'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
});
