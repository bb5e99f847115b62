import {
  bigint,
  bigserial,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

export const questionStatusEnum = pgEnum('question_status', ['open', 'answered', 'hidden']);

/** Q&A of the plenary. `upvotes` is kept in step with question_votes in the same transaction. */
export const questions = pgTable(
  'questions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    clientId: uuid('client_id').notNull(),
    body: text('body').notNull(),
    status: questionStatusEnum('status').notNull().default('open'),
    upvotes: integer('upvotes').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('questions_author_client').on(t.authorId, t.clientId),
    index('questions_room_status').on(t.roomId, t.status),
  ],
);

/** One vote per person and question. */
export const questionVotes = pgTable(
  'question_votes',
  {
    questionId: bigint('question_id', { mode: 'number' })
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.personId] }), index().on(t.personId)],
);
