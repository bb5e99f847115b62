import { describe, expect, it } from 'vitest';
import type { Poll, PollState } from '@plenum/shared';
import {
  applyClosed,
  applyCounts,
  applyMyVote,
  applyPoll,
  averageRating,
  ballotProblem,
  choicesOf,
  draftProblems,
  pollsOfRoom,
  resultRows,
  toggleChoice,
} from './poll-logic.ts';

const room = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function poll(n: number, change: Partial<Poll> = {}): Poll {
  return {
    id: id(n),
    roomId: room,
    phaseId: null,
    question: `Frage ${n}`,
    kind: 'single',
    options: ['Ja', 'Nein', 'Egal'],
    anonymous: true,
    status: 'open',
    createdAt: `2026-03-12T09:0${n}:00Z`,
    openedAt: null,
    closedAt: null,
    ...change,
  };
}

describe('polls on the event page', () => {
  it('lists open polls first, then drafts, then closed ones, newest first', () => {
    let list: PollState[] = [];
    list = applyPoll(list, poll(1, { status: 'closed' }));
    list = applyPoll(list, poll(2, { status: 'draft' }));
    list = applyPoll(list, poll(3));
    list = applyPoll(list, poll(4));
    expect(list.map((s) => s.poll.id)).toEqual([id(4), id(3), id(2), id(1)]);
  });

  it('keeps one’s vote when the poll changes and takes live counts only while it is open', () => {
    let list = applyMyVote(applyPoll([], poll(1)), id(1), [2]);
    list = applyCounts(list, { pollId: id(1), roomId: room, voters: 3, counts: [1, 0, 2] });
    expect(list[0]).toMatchObject({ myChoices: [2], results: { voters: 3 } });
    const closed = poll(1, { status: 'closed' });
    const results = { pollId: id(1), roomId: room, voters: 4, counts: [2, 0, 2] };
    list = applyClosed(list, { poll: closed, results });
    list = applyCounts(list, { pollId: id(1), roomId: room, voters: 5, counts: [3, 0, 2] });
    expect(list[0]).toMatchObject({ myChoices: [2], results: { voters: 4 } });
  });

  it('shows a room’s own polls and the event-wide ones, never another room’s', () => {
    const list = [poll(1), poll(2, { roomId: other }), poll(3, { roomId: null })].reduce(
      applyPoll,
      [] as PollState[],
    );
    expect(pollsOfRoom(list, room).map((s) => s.poll.id)).toEqual([id(3), id(1)]);
  });

  it('a single choice and a rating take exactly one choice, a multiple choice at least one', () => {
    expect(ballotProblem('single', [])).toBe('chooseOne');
    expect(ballotProblem('single', [1])).toBeNull();
    expect(ballotProblem('rating', [5])).toBeNull();
    expect(ballotProblem('multiple', [])).toBe('chooseAtLeastOne');
    expect(ballotProblem('multiple', [0, 2])).toBeNull();
    expect(toggleChoice('single', [0], 2)).toEqual([2]);
    expect(toggleChoice('multiple', [2], 0)).toEqual([0, 2]);
    expect(toggleChoice('multiple', [0, 2], 2)).toEqual([0]);
  });

  it('a rating poll offers the scale from 1 to 5', () => {
    expect(choicesOf({ kind: 'rating', options: [] }).map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('results give each option’s share of the voters and the mean rating', () => {
    const tally = { pollId: id(1), roomId: room, voters: 3, counts: [2, 1, 0] };
    expect(resultRows(poll(1), tally)).toEqual([
      { label: 'Ja', count: 2, percent: 67 },
      { label: 'Nein', count: 1, percent: 33 },
      { label: 'Egal', count: 0, percent: 0 },
    ]);
    expect(resultRows(poll(1), { ...tally, voters: 0, counts: [0, 0, 0] })[0]!.percent).toBe(0);
    expect(averageRating({ ...tally, voters: 4, counts: [0, 0, 1, 2, 1] })).toBe(4);
    expect(averageRating({ ...tally, voters: 0, counts: [0, 0, 0, 0, 0] })).toBeNull();
  });

  it('a draft needs a question and, for choices, two to ten different options', () => {
    expect(draftProblems({ question: ' ', kind: 'rating', optionLines: '' })).toEqual([
      { field: 'question', key: 'required' },
    ]);
    expect(draftProblems({ question: 'Wohin?', kind: 'single', optionLines: 'Nord\n\n' })).toEqual([
      { field: 'options', key: 'tooFew' },
    ]);
    expect(draftProblems({ question: 'Wohin?', kind: 'multiple', optionLines: 'A\nA' })).toEqual([
      { field: 'options', key: 'duplicate' },
    ]);
    expect(
      draftProblems({ question: 'Wohin?', kind: 'single', optionLines: 'Nord\n Süd ' }),
    ).toEqual([]);
  });
});
