import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { rooms } from './rooms.ts';

export const agendaKindEnum = pgEnum('agenda_kind', [
  'opening',
  'talk',
  'break',
  'working_group_phase',
  'results',
  'closing',
  'other',
]);

export interface AgendaSpeaker {
  name: string;
  affiliation?: string;
  personId?: string;
}

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    kind: agendaKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    speakers: jsonb('speakers').$type<AgendaSpeaker[]>().notNull().default([]),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    actualStartAt: timestamp('actual_start_at', { withTimezone: true }),
    actualEndAt: timestamp('actual_end_at', { withTimezone: true }),
  },
  (t) => [index().on(t.eventId, t.startsAt)],
);
