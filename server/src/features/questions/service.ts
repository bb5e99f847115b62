import { and, desc, asc, eq, ne, sql } from 'drizzle-orm';
import type { Question } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { people, questions, questionVotes } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import type { RoomRow } from '../rooms/repository.ts';
import { recordAudit } from '../audit/service.ts';

/** Questions with their author; `viewerId` adds whether that person has upvoted. */
function selectQuestions(db: DbOrTx, viewerId: string | null) {
  return db
    .select({
      id: questions.id,
      roomId: questions.roomId,
      body: questions.body,
      status: questions.status,
      upvotes: questions.upvotes,
      createdAt: questions.createdAt,
      authorId: people.id,
      authorName: people.displayName,
      votedByMe: viewerId
        ? sql<boolean>`exists (select 1 from ${questionVotes} where ${questionVotes.questionId} = ${questions.id} and ${questionVotes.personId} = ${viewerId})`
        : sql<null>`null`,
    })
    .from(questions)
    .leftJoin(people, eq(people.id, questions.authorId))
    .$dynamic();
}
type Row = Awaited<ReturnType<typeof selectQuestions>>[number];

const toQuestion = (r: Row): Question => ({
  id: r.id,
  roomId: r.roomId,
  body: r.body,
  author: r.authorId ? { id: r.authorId, displayName: r.authorName ?? '' } : null,
  status: r.status,
  upvotes: r.upvotes,
  createdAt: r.createdAt.toISOString(),
  ...(r.votedByMe !== null && { votedByMe: Boolean(r.votedByMe) }),
});

async function questionById(db: DbOrTx, id: number, viewerId: string | null = null) {
  const [row] = await selectQuestions(db, viewerId).where(eq(questions.id, id));
  if (!row) throw new AppError('not_found', 'Question not found');
  return toQuestion(row);
}

/** Asks a question in the plenary, once per client id: a resend answers the stored one. */
export async function askQuestion(
  db: DbOrTx,
  room: RoomRow,
  input: { authorId: string; clientId: string; body: string },
) {
  const [inserted] = await db
    .insert(questions)
    .values({ eventId: room.eventId, roomId: room.id, ...input })
    .onConflictDoNothing({ target: [questions.authorId, questions.clientId] })
    .returning({ id: questions.id });
  if (inserted) return { question: await questionById(db, inserted.id), created: true };
  const [existing] = await selectQuestions(db, null).where(
    and(eq(questions.authorId, input.authorId), eq(questions.clientId, input.clientId)),
  );
  return { question: toQuestion(existing!), created: false };
}

/** Open and answered questions of a room: most votes first, then the oldest. */
export async function listQuestions(db: DbOrTx, roomId: string, viewerId: string) {
  const rows = await selectQuestions(db, viewerId)
    .where(and(eq(questions.roomId, roomId), ne(questions.status, 'hidden')))
    .orderBy(desc(questions.upvotes), asc(questions.createdAt), asc(questions.id));
  return rows.map(toQuestion);
}

/** The question with its room, for the caller to authorize. Hidden ones are gone. */
export async function findQuestion(db: DbOrTx, eventId: string, questionId: number) {
  const [row] = await db
    .select({ id: questions.id, roomId: questions.roomId, status: questions.status })
    .from(questions)
    .where(
      and(
        eq(questions.id, questionId),
        eq(questions.eventId, eventId),
        ne(questions.status, 'hidden'),
      ),
    );
  if (!row) throw new AppError('not_found', 'Question not found');
  return row;
}

/** One vote per person: a second upvote changes nothing and says so with `changed: false`. */
export async function upvoteQuestion(
  db: Db,
  eventId: string,
  questionId: number,
  personId: string,
) {
  return db.transaction(async (tx) => {
    const found = await findQuestion(tx, eventId, questionId);
    if (found.status !== 'open') {
      throw new AppError('conflict', 'This question has been answered already.');
    }
    const [vote] = await tx
      .insert(questionVotes)
      .values({ questionId, personId })
      .onConflictDoNothing()
      .returning({ questionId: questionVotes.questionId });
    if (vote) {
      await tx
        .update(questions)
        .set({ upvotes: sql`${questions.upvotes} + 1` })
        .where(eq(questions.id, questionId));
    }
    return { question: await questionById(tx, questionId, personId), changed: Boolean(vote) };
  });
}

/** A moderator marks a question answered or hides it; audited. */
export async function moderateQuestion(
  db: Db,
  eventId: string,
  questionId: number,
  status: 'answered' | 'hidden',
  actorId: string,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(questions)
      .set({ status, moderatedAt: new Date(), moderatedBy: actorId })
      .where(
        and(
          eq(questions.id, questionId),
          eq(questions.eventId, eventId),
          ne(questions.status, 'hidden'),
        ),
      )
      .returning({ id: questions.id, roomId: questions.roomId });
    if (!row) throw new AppError('not_found', 'Question not found');
    await recordAudit(tx, {
      eventId,
      actorId,
      action: status === 'answered' ? 'question.answer' : 'question.hide',
      target: String(questionId),
      details: { roomId: row.roomId },
    });
    return questionById(tx, row.id);
  });
}
