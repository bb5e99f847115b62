import { boolean, index, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, timestamptz } from './columns.ts';
import { roles } from '@plenum/shared';
import { events } from './events.ts';

export const roleEnum = pgEnum('role', roles);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  createdAt: createdNow('created_at'),
});

/** A person's role in one event; one row per person and event. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: cascadeRef('event_id', () => events.id),
    personId: cascadeRef('person_id', () => people.id),
    role: roleEnum('role').notNull(),
    /** Interprets in sign language: the stage keeps this person's tile visible for everyone. */
    interpreter: boolean('interpreter').notNull().default(false),
    createdAt: createdNow('created_at'),
  },
  (t) => [unique('memberships_event_person').on(t.eventId, t.personId), index().on(t.personId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the cookie's secret; the secret itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    personId: cascadeRef('person_id', () => people.id),
    createdAt: createdNow('created_at'),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index().on(t.personId)],
);
