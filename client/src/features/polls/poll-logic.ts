import type { Poll, PollClosed, PollKind, PollState, PollTally } from '@plenum/shared';
import { pollLimits } from '@plenum/shared/limits';

/**
 * What the event page knows of polls, without React: the list as the server events change it,
 * what a vote must look like, and the figures a result shows. The server decides; this answers
 * fast and in the reader's language.
 */

const order = { open: 0, draft: 1, closed: 2 } as const;

/** Open polls first, then drafts, then closed ones; newest first within each. */
export function sortPolls(list: readonly PollState[]): PollState[] {
  return [...list].sort(
    (a, b) =>
      order[a.poll.status] - order[b.poll.status] ||
      b.poll.createdAt.localeCompare(a.poll.createdAt),
  );
}

function upsert(list: readonly PollState[], poll: Poll, change: Partial<PollState> = {}) {
  const found = list.find((s) => s.poll.id === poll.id);
  const next: PollState = found
    ? { ...found, ...change, poll }
    : { poll, myChoices: null, results: null, ...change };
  return sortPolls([...list.filter((s) => s.poll.id !== poll.id), next]);
}

/** A poll was made (a draft) or opened. */
export const applyPoll = (list: readonly PollState[], poll: Poll) => upsert(list, poll);

/** Live counts for the staff; counts of a poll no longer open are stale and ignored. */
export function applyCounts(list: readonly PollState[], tally: PollTally): PollState[] {
  return list.map((s) =>
    s.poll.id === tally.pollId && s.poll.status === 'open' ? { ...s, results: tally } : s,
  );
}

export const applyClosed = (list: readonly PollState[], closed: PollClosed) =>
  upsert(list, closed.poll, { results: closed.results });

export const applyMyVote = (list: readonly PollState[], pollId: string, choices: number[]) =>
  list.map((s) => (s.poll.id === pollId ? { ...s, myChoices: choices } : s));

/** The polls shown in a room: its own and the event-wide ones. */
export const pollsOfRoom = (list: readonly PollState[], roomId: string) =>
  list.filter((s) => s.poll.roomId === null || s.poll.roomId === roomId);

/** The choices a person can make: the options, or the rating scale (value, label). */
export function choicesOf(
  poll: Pick<Poll, 'kind' | 'options'>,
): { value: number; label: string }[] {
  if (poll.kind !== 'rating') return poll.options.map((label, value) => ({ value, label }));
  const { min, max } = pollLimits.rating;
  return Array.from({ length: max - min + 1 }, (_, i) => ({
    value: min + i,
    label: String(min + i),
  }));
}

export type BallotProblem = 'chooseOne' | 'chooseAtLeastOne';

/** Why these choices are not a vote yet, or null. */
export function ballotProblem(kind: PollKind, choices: readonly number[]): BallotProblem | null {
  if (kind === 'multiple') return choices.length === 0 ? 'chooseAtLeastOne' : null;
  return choices.length === 1 ? null : 'chooseOne';
}

/** Single choice and rating replace the choice; multiple choice toggles it. */
export function toggleChoice(kind: PollKind, choices: readonly number[], value: number): number[] {
  if (kind !== 'multiple') return [value];
  return choices.includes(value)
    ? choices.filter((c) => c !== value)
    : [...choices, value].sort((a, b) => a - b);
}

export interface ResultRow {
  label: string;
  count: number;
  /** Share of the voters, whole percent (multiple choice may add up to more than 100). */
  percent: number;
}

/** One row per option (or rating value) with its count and share of the voters. */
export function resultRows(poll: Pick<Poll, 'kind' | 'options'>, tally: PollTally): ResultRow[] {
  return choicesOf(poll).map((choice, i) => {
    const count = tally.counts[i] ?? 0;
    return {
      label: choice.label,
      count,
      percent: tally.voters === 0 ? 0 : Math.round((count / tally.voters) * 100),
    };
  });
}

/** The mean rating, one decimal; null without votes. */
export function averageRating(tally: PollTally): number | null {
  const { min } = pollLimits.rating;
  let sum = 0;
  let n = 0;
  tally.counts.forEach((count, i) => {
    sum += count * (min + i);
    n += count;
  });
  return n === 0 ? null : Math.round((sum / n) * 10) / 10;
}

export interface PollDraft {
  question: string;
  kind: PollKind;
  /** One option per line. */
  optionLines: string;
}

export type DraftProblem =
  | { field: 'question'; key: 'required' | 'tooLong'; max?: number }
  | { field: 'options'; key: 'tooFew' | 'tooMany' | 'duplicate' | 'tooLong'; max?: number };

/** The options a draft's lines name: trimmed, blank lines dropped. */
export const optionsOf = (lines: string) =>
  lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** What keeps a draft from being created, field by field. */
export function draftProblems(draft: PollDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const question = draft.question.trim();
  if (!question) problems.push({ field: 'question', key: 'required' });
  else if (question.length > pollLimits.questionMax) {
    problems.push({ field: 'question', key: 'tooLong', max: pollLimits.questionMax });
  }
  if (draft.kind === 'rating') return problems;
  const options = optionsOf(draft.optionLines);
  if (options.length < pollLimits.options.min) problems.push({ field: 'options', key: 'tooFew' });
  else if (options.length > pollLimits.options.max) {
    problems.push({ field: 'options', key: 'tooMany', max: pollLimits.options.max });
  } else if (new Set(options).size !== options.length) {
    problems.push({ field: 'options', key: 'duplicate' });
  } else if (options.some((o) => o.length > pollLimits.optionMax)) {
    problems.push({ field: 'options', key: 'tooLong', max: pollLimits.optionMax });
  }
  return problems;
}
