import { pollLimits, type Poll, type PollResults, type PollState } from '@plenum/shared';
import type { z } from 'zod';
import type { PollCreateInput } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import { openPhaseOf } from '../phases/repository.ts';
import {
  advancePoll,
  ballotsOf,
  insertPoll,
  lockOpenPoll,
  myVotes,
  pollsOfRoom,
  tallyPoll,
  toPoll,
  upsertVote,
  type PollRow,
} from './repository.ts';

/** A draft poll; the phase open now (if any) is noted for its exports. Audited. */
export async function createPoll(
  db: Db,
  eventId: string,
  input: z.output<typeof PollCreateInput>,
  actorId: string,
): Promise<Poll> {
  const phase = await openPhaseOf(db, eventId);
  const row = await db.transaction(async (tx) => {
    const created = await insertPoll(tx, {
      eventId,
      roomId: input.roomId,
      phaseId: phase?.id ?? null,
      question: input.question,
      kind: input.kind,
      options: input.kind === 'rating' ? [] : input.options,
      anonymous: input.anonymous,
      createdBy: actorId,
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'poll.create',
      target: created.id,
      details: { roomId: input.roomId, kind: input.kind, anonymous: input.anonymous },
    });
    return created;
  });
  return toPoll(row);
}

/** Opens a draft for voting. Audited; conflict when it is no longer a draft. */
export async function openPoll(db: Db, poll: PollRow, actorId: string): Promise<Poll> {
  const row = await db.transaction(async (tx) => {
    const opened = await advancePoll(tx, poll.id, 'draft');
    if (!opened) throw new AppError('conflict', 'This poll has already been opened.');
    await recordAudit(tx, {
      eventId: poll.eventId,
      actorId,
      action: 'poll.open',
      target: poll.id,
      details: { roomId: poll.roomId },
    });
    return opened;
  });
  return toPoll(row);
}

/**
 * Closes an open poll. The close waits for the votes being stored (they hold the poll FOR SHARE)
 * and every later vote is refused, so the results counted after the commit are final. Returns
 * the results for everyone, and for staff (with names, in a named poll).
 */
export async function closePoll(db: Db, poll: PollRow, actorId: string) {
  const row = await db.transaction(async (tx) => {
    const closed = await advancePoll(tx, poll.id, 'open');
    if (!closed) throw new AppError('conflict', 'This poll is not open.');
    await recordAudit(tx, {
      eventId: poll.eventId,
      actorId,
      action: 'poll.close',
      target: poll.id,
      details: { roomId: poll.roomId },
    });
    return closed;
  });
  const tally = await tallyPoll(db, row);
  const forStaff: PollResults = row.anonymous
    ? tally
    : { ...tally, ballots: await ballotsOf(db, row.id) };
  return { poll: toPoll(row), results: tally, forStaff };
}

/** Why a set of choices is not a valid vote in this poll, or null when it is. */
export function ballotProblem(poll: Pick<PollRow, 'kind' | 'options'>, choices: number[]) {
  if (poll.kind === 'rating') {
    const [value] = choices;
    const { min, max } = pollLimits.rating;
    return choices.length === 1 && value! >= min && value! <= max
      ? null
      : `choose one rating from ${min} to ${max}`;
  }
  if (choices.some((c) => c >= poll.options.length)) return 'no such option';
  if (new Set(choices).size !== choices.length) return 'each option at most once';
  if (poll.kind === 'single' && choices.length !== 1) return 'choose exactly one option';
  return null;
}

/**
 * Stores the person's vote, or replaces their earlier one, in one transaction: the poll must be
 * open when the vote is stored, and the (poll, person) key keeps one vote however many arrive.
 */
export async function castVote(db: Db, poll: PollRow, personId: string, choices: number[]) {
  const problem = ballotProblem(poll, choices);
  if (problem) {
    throw new AppError('validation_failed', `Invalid vote — ${problem}`, 400, {
      choices: problem,
    });
  }
  const sorted = [...choices].sort((a, b) => a - b);
  await db.transaction(async (tx) => {
    if (!(await lockOpenPoll(tx, poll.id))) {
      throw new AppError('conflict', 'This poll is not open for voting.');
    }
    await upsertVote(tx, poll.id, personId, sorted);
  });
  return sorted;
}

/**
 * What a (re)connecting client needs of a room's polls and the event-wide ones: each with the
 * person's own vote; results when closed; for staff also drafts and the live counts.
 */
export async function pollStates(
  db: Db,
  eventId: string,
  roomId: string,
  personId: string,
  staff: { room: boolean; eventWide: boolean },
): Promise<PollState[]> {
  const rows = await pollsOfRoom(db, eventId, roomId, staff);
  const mine = await myVotes(
    db,
    rows.map((r) => r.id),
    personId,
  );
  return Promise.all(
    rows.map(async (row) => {
      const isStaff = row.roomId === null ? staff.eventWide : staff.room;
      let results: PollResults | null = null;
      if (row.status === 'closed' || (row.status === 'open' && isStaff)) {
        const tally = await tallyPoll(db, row);
        results =
          isStaff && !row.anonymous && row.status === 'closed'
            ? { ...tally, ballots: await ballotsOf(db, row.id) }
            : tally;
      }
      return { poll: toPoll(row), myChoices: mine.get(row.id) ?? null, results };
    }),
  );
}
