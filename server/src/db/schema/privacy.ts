import { integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdNow, setNullRef } from './columns.ts';
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
  updatedAt: createdNow('updated_at'),
  updatedBy: setNullRef('updated_by', () => people.id),
});
