import { integer, pgTable, text, uuid, index } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
import { events } from './events.ts';
import { people, roleEnum } from './people.ts';

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: cascadeRef('event_id', () => events.id),
    role: roleEnum('role').notNull(),
    label: text('label').notNull().default(''),
    /** SHA-256 of the link's token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    createdBy: setNullRef('created_by', () => people.id),
    createdAt: createdNow('created_at'),
  },
  (t) => [index().on(t.eventId)],
);
