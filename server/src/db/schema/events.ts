import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdNow, timestamptz } from './columns.ts';

export const events = pgTable('events', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  startsAt: timestamptz('starts_at').notNull(),
  endsAt: timestamptz('ends_at').notNull(),
  /** The event's own privacy notice and imprint (https); null: the instance's are shown. */
  privacyUrl: text('privacy_url'),
  imprintUrl: text('imprint_url'),
  createdAt: createdNow('created_at'),
});
