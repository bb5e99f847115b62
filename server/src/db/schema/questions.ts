import {
  bigint,
  bigserial,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';

export const questionStatusEnum = pgEnum('question_status', ['open', 'answered', 'hidden']);

/** Q&A of the plenary. `upvotes` is kept in step with question_votes in the same transaction. */
export const questions = pgTable(
  'questions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: cascadeRef('event_id', () => events.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    authorId: setNullRef('author_id', () => people.id),
    clientId: uuid('client_id').notNull(),
    body: text('body').notNull(),
    status: questionStatusEnum('status').notNull().default('open'),
    upvotes: integer('upvotes').notNull().default(0),
    createdAt: createdNow('created_at'),
    moderatedAt: timestamptz('moderated_at'),
    moderatedBy: setNullRef('moderated_by', () => people.id),
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
    personId: cascadeRef('person_id', () => people.id),
    votedAt: createdNow('voted_at'),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.personId] }), index().on(t.personId)],
);
