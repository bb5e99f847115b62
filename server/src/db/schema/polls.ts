import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
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
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    /** The working-group phase open when the poll was made: its exports list the poll. */
    phaseId: uuid('phase_id').references(() => phases.id, { onDelete: 'set null' }),
    question: text('question').notNull(),
    kind: pollKindEnum('kind').notNull(),
    options: text('options').array().notNull(),
    anonymous: boolean('anonymous').notNull(),
    status: pollStatusEnum('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('polls_event_room').on(t.eventId, t.roomId), index().on(t.phaseId)],
);

/** One vote per person and poll (the primary key): a changed vote replaces the earlier one. */
export const pollVotes = pgTable(
  'poll_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    choices: integer('choices').array().notNull(),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.personId] })],
);
