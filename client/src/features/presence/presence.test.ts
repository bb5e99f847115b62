import { describe, expect, it } from 'vitest';
import type { Hand, PresencePerson, Question } from '@plenum/shared';
import { applyHand, myHand, placeInQueue } from '../hands/hands.ts';
import { applyPresence, peopleIn, presenceFromList } from './presence.ts';
import { applyUpvote, removeQuestion, upsertQuestion } from '../questions/questions.ts';

const room = '00000000-0000-4000-8000-000000000001';
const group = '00000000-0000-4000-8000-000000000002';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function hand(n: number, status: Hand['status'] = 'raised', at = `2026-03-12T09:0${n}:00Z`): Hand {
  return { id: n, roomId: room, person: { id: id(n), displayName: `P${n}` }, status, raisedAt: at };
}

describe('raised hands', () => {
  it('queues hands oldest first and removes taken, lowered and dismissed ones', () => {
    let queue = applyHand([], hand(2));
    queue = applyHand(queue, hand(1));
    expect(queue.map((h) => h.id)).toEqual([1, 2]);
    expect(placeInQueue(queue, id(2))).toBe(2);
    queue = applyHand(queue, hand(1, 'taken'));
    expect(queue.map((h) => h.id)).toEqual([2]);
    expect(myHand(queue, id(1))).toBeUndefined();
    expect(placeInQueue(queue, id(1))).toBeNull();
  });

  it('keeps the place of a hand raised again', () => {
    const queue = applyHand(applyHand([hand(1), hand(2)], hand(1)), hand(3));
    expect(queue.map((h) => h.id)).toEqual([1, 2, 3]);
  });
});

function person(n: number, online: boolean, roomId: string | null, name = `P${n}`): PresencePerson {
  return {
    personId: id(n),
    displayName: name,
    online,
    roomId,
    lastSeenAt: null,
    canPublish: false,
    promoted: false,
  };
}

describe('presence', () => {
  it('lists who is online in a room, by name, and counts the rest', () => {
    const presence = presenceFromList({
      people: [
        person(1, true, room, 'Özlem'),
        person(2, true, room, 'Anna'),
        person(3, true, group),
        person(4, false, room),
      ],
      counts: {},
    });
    const view = peopleIn(presence, room);
    expect(view.here.map((p) => p.displayName)).toEqual(['Anna', 'Özlem']);
    expect(view).toMatchObject({ elsewhere: 1, offline: 1 });
  });

  it('applies a batch of changes', () => {
    const presence = applyPresence(
      presenceFromList({ people: [person(1, true, room)], counts: {} }),
      [person(1, true, group), person(2, true, room)],
    );
    expect(peopleIn(presence, room).here.map((p) => p.personId)).toEqual([id(2)]);
  });
});

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
