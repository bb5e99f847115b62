import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdNow, setNullRef } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';

/** Who did what, when: every organizer and moderator action. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    actorId: setNullRef('actor_id', () => people.id),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: createdNow('at'),
  },
  (t) => [index().on(t.eventId, t.at)],
);
