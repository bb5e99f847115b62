import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Poll, PollBallot, PollClosed, PollKind, PollTally } from '@plenum/shared';
import { pollLimits } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { people, pollVotes, polls } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';

export type PollRow = typeof polls.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toPoll = (r: PollRow): Poll => ({
  id: r.id,
  roomId: r.roomId,
  phaseId: r.phaseId,
  question: r.question,
  kind: r.kind,
  options: r.options,
  anonymous: r.anonymous,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  openedAt: iso(r.openedAt),
  closedAt: iso(r.closedAt),
});

export async function insertPoll(db: DbOrTx, values: typeof polls.$inferInsert) {
  const [row] = await db.insert(polls).values(values).returning();
  return row!;
}

/** A poll of this event; not_found for another event's, so ids reveal nothing. */
export async function findPoll(db: DbOrTx, eventId: string, pollId: string): Promise<PollRow> {
  const [row] = await db
    .select()
    .from(polls)
    .where(and(eq(polls.id, pollId), eq(polls.eventId, eventId)));
  if (!row) throw new AppError('not_found', 'Poll not found');
  return row;
}

/** Moves a poll from one status to the next; null when it was not in `from` (someone was first). */
export async function advancePoll(
  db: DbOrTx,
  pollId: string,
  from: 'draft' | 'open',
): Promise<PollRow | null> {
  const now = new Date();
  const [row] = await db
    .update(polls)
    .set(from === 'draft' ? { status: 'open', openedAt: now } : { status: 'closed', closedAt: now })
    .where(and(eq(polls.id, pollId), eq(polls.status, from)))
    .returning();
  return row ?? null;
}

/**
 * Locks the poll against closing while a vote is stored (FOR SHARE: votes do not wait for each
 * other, a close waits for the votes in flight, and votes after it see the poll closed).
 */
export async function lockOpenPoll(tx: DbOrTx, pollId: string) {
  const [row] = await tx
    .select({ status: polls.status })
    .from(polls)
    .where(eq(polls.id, pollId))
    .for('share');
  return row?.status === 'open';
}

/** Stores the person's vote, replacing an earlier one: the primary key holds one per person. */
export async function upsertVote(tx: DbOrTx, pollId: string, personId: string, choices: number[]) {
  await tx
    .insert(pollVotes)
    .values({ pollId, personId, choices })
    .onConflictDoUpdate({
      target: [pollVotes.pollId, pollVotes.personId],
      set: { choices, votedAt: new Date() },
    });
}

/** How many slots a poll's counts have: its options, or the rating scale. */
export const slotsOf = (poll: { kind: PollKind; options: string[] }) =>
  poll.kind === 'rating' ? pollLimits.rating.max - pollLimits.rating.min + 1 : poll.options.length;

/** The counts of one poll, computed in the database from the stored votes. */
export async function tallyPoll(db: DbOrTx, poll: PollRow): Promise<PollTally> {
  const [result, voters] = await Promise.all([
    db.execute(sql`
      select c.choice, count(*)::int as n
        from ${pollVotes} v, unnest(v.choices) as c(choice)
       where v.poll_id = ${poll.id}
       group by c.choice`),
    // People, not choices: a multiple-choice voter adds to several counts.
    db.$count(pollVotes, eq(pollVotes.pollId, poll.id)),
  ]);
  const counts = new Array<number>(slotsOf(poll)).fill(0);
  const offset = poll.kind === 'rating' ? pollLimits.rating.min : 0;
  for (const r of (result as unknown as { rows: { choice: number; n: number }[] }).rows) {
    const at = r.choice - offset;
    if (at >= 0 && at < counts.length) counts[at] = r.n;
  }
  return { pollId: poll.id, roomId: poll.roomId, voters, counts };
}

/** Who voted what in a poll, by name (for named polls and staff only: the caller decides). */
export async function ballotsOf(db: DbOrTx, pollId: string): Promise<PollBallot[]> {
  const rows = await db
    .select({ id: people.id, displayName: people.displayName, choices: pollVotes.choices })
    .from(pollVotes)
    .innerJoin(people, eq(people.id, pollVotes.personId))
    .where(eq(pollVotes.pollId, pollId))
    .orderBy(asc(people.displayName), asc(people.id));
  return rows.map((r) => ({
    person: { id: r.id, displayName: r.displayName },
    choices: r.choices,
  }));
}

/** The person's own votes among these polls, by poll id. */
export async function myVotes(db: DbOrTx, pollIds: string[], personId: string) {
  if (pollIds.length === 0) return new Map<string, number[]>();
  const rows = await db
    .select({ pollId: pollVotes.pollId, choices: pollVotes.choices })
    .from(pollVotes)
    .where(and(inArray(pollVotes.pollId, pollIds), eq(pollVotes.personId, personId)));
  return new Map(rows.map((r) => [r.pollId, r.choices]));
}

/** The newest polls of a room and the event-wide ones, drafts only when asked for. */
export async function pollsOfRoom(
  db: DbOrTx,
  eventId: string,
  roomId: string,
  withDrafts: { room: boolean; eventWide: boolean },
  limit = 20,
) {
  const shown = (drafts: boolean) => (drafts ? undefined : sql`${polls.status} <> 'draft'`);
  return db
    .select()
    .from(polls)
    .where(
      and(
        eq(polls.eventId, eventId),
        or(
          and(eq(polls.roomId, roomId), shown(withDrafts.room)),
          and(isNull(polls.roomId), shown(withDrafts.eventWide)),
        ),
      ),
    )
    .orderBy(desc(polls.createdAt))
    .limit(limit);
}

/**
 * The closed polls of an event, or of one phase (those made while it was open), oldest first,
 * each with its results — for the exports (Markdown, DOCX, PDF). Named polls carry their ballots:
 * exports are for organizers. Drafts and polls still open are left out.
 */
export async function listPollResults(
  db: DbOrTx,
  filter: { eventId: string; phaseId?: string },
): Promise<PollClosed[]> {
  const rows = await db
    .select()
    .from(polls)
    .where(
      and(
        eq(polls.eventId, filter.eventId),
        eq(polls.status, 'closed'),
        filter.phaseId ? eq(polls.phaseId, filter.phaseId) : undefined,
      ),
    )
    .orderBy(asc(polls.closedAt), asc(polls.id));
  return Promise.all(
    rows.map(async (row) => {
      const tally = await tallyPoll(db, row);
      const results = row.anonymous ? tally : { ...tally, ballots: await ballotsOf(db, row.id) };
      return { poll: toPoll(row), results };
    }),
  );
}
