import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';
import { phases } from './phases.ts';
import { rooms } from './rooms.ts';

export const pollKindEnum = pgEnum('poll_kind', ['single', 'multiple', 'rating']);
export const pollStatusEnum = pgEnum('poll_status', ['draft', 'open', 'closed']);

/** A poll of one room, or of the whole event (`room_id` null). */
export const polls = pgTable(
  'polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: cascadeRef('event_id', () => events.id),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    /** The working-group phase open when the poll was made: its exports list the poll. */
    phaseId: setNullRef('phase_id', () => phases.id),
    question: text('question').notNull(),
    kind: pollKindEnum('kind').notNull(),
    options: text('options').array().notNull(),
    anonymous: boolean('anonymous').notNull(),
    status: pollStatusEnum('status').notNull().default('draft'),
    createdBy: setNullRef('created_by', () => people.id),
    createdAt: createdNow('created_at'),
    openedAt: timestamptz('opened_at'),
    closedAt: timestamptz('closed_at'),
  },
  (t) => [index('polls_event_room').on(t.eventId, t.roomId), index().on(t.phaseId)],
);

/** One vote per person and poll (the primary key): a changed vote replaces the earlier one. */
export const pollVotes = pgTable(
  'poll_votes',
  {
    pollId: cascadeRef('poll_id', () => polls.id),
    personId: cascadeRef('person_id', () => people.id),
    choices: integer('choices').array().notNull(),
    votedAt: createdNow('voted_at'),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.personId] })],
);
