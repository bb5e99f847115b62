import { describe, expect, it } from 'vitest';
import type { Hand } from '@plenum/shared';
import { applyHand, myHand, placeInQueue } from './hands.ts';

const room = '00000000-0000-4000-8000-000000000001';
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
