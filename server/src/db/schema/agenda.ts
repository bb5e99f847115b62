import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, setNullRef, timestamptz } from './columns.ts';
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
    eventId: cascadeRef('event_id', () => events.id),
    roomId: setNullRef('room_id', () => rooms.id),
    kind: agendaKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    speakers: jsonb('speakers').$type<AgendaSpeaker[]>().notNull().default([]),
    startsAt: timestamptz('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    actualStartAt: timestamptz('actual_start_at'),
    actualEndAt: timestamptz('actual_end_at'),
  },
  (t) => [index().on(t.eventId, t.startsAt)],
);
