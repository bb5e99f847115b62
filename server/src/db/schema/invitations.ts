import { integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people, roleEnum } from './people.ts';

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    label: text('label').notNull().default(''),
    /** SHA-256 of the link's token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.eventId)],
);
