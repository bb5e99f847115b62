import { describe, expect, it } from 'vitest';
import type { Question } from '@plenum/shared';
import { applyUpvote, removeQuestion, upsertQuestion } from './questions.ts';

const room = '00000000-0000-4000-8000-000000000001';

function question(n: number, upvotes: number, extra: Partial<Question> = {}): Question {
  return {
    id: n,
    roomId: room,
    body: `Frage ${n}`,
    author: null,
    status: 'open',
    upvotes,
    createdAt: `2026-03-12T09:0${n}:00Z`,
    ...extra,
  };
}

describe('questions', () => {
  it('sorts by votes, then age, answered last', () => {
    let questions = upsertQuestion([], question(1, 0));
    questions = upsertQuestion(questions, question(2, 3));
    questions = upsertQuestion(questions, question(3, 5, { status: 'answered' }));
    expect(questions.map((q) => q.id)).toEqual([2, 1, 3]);
    questions = applyUpvote(questions, { questionId: 1, upvotes: 4 });
    expect(questions.map((q) => q.id)).toEqual([1, 2, 3]);
  });

  it('keeps my vote when a broadcast without it arrives', () => {
    const mine = upsertQuestion([], question(1, 1, { votedByMe: true }));
    expect(upsertQuestion(mine, question(1, 2))[0]?.votedByMe).toBe(true);
  });

  it('drops hidden questions', () => {
    expect(removeQuestion([question(1, 0)], 1)).toEqual([]);
    expect(upsertQuestion([question(1, 0)], question(1, 0, { status: 'hidden' }))).toEqual([]);
  });
});
