import { describe, expect, it } from 'vitest';
import type { Hand } from '@plenum/shared';
import {
  alertNames,
  handAlertReducer,
  noHandAlert,
  readHandSound,
  writeHandSound,
} from './hand-alert.ts';
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

describe('the moderator’s alert for new hands', () => {
  const me = id(9);

  it('alerts each newly raised hand of others once, and drops it when it is closed', () => {
    let alert = handAlertReducer(noHandAlert, { type: 'raised', hand: hand(1), myId: me });
    alert = handAlertReducer(alert, { type: 'raised', hand: hand(1), myId: me });
    alert = handAlertReducer(alert, { type: 'raised', hand: hand(2), myId: me });
    alert = handAlertReducer(alert, {
      type: 'raised',
      hand: { ...hand(3), person: { id: me, displayName: 'Ich' } },
      myId: me,
    });
    expect(alert.fresh.map((h) => h.id)).toEqual([1, 2]);
    alert = handAlertReducer(alert, { type: 'closed', hand: hand(1, 'taken') });
    expect(alertNames(alert)).toEqual({ names: ['P2'], more: 0 });
  });

  it('is cleared when seen or when the room changes', () => {
    const alert = handAlertReducer(noHandAlert, { type: 'raised', hand: hand(1), myId: me });
    expect(handAlertReducer(alert, { type: 'seen' })).toEqual(noHandAlert);
    expect(handAlertReducer(alert, { type: 'roomChanged' })).toEqual(noHandAlert);
  });

  it('shows at most three names, newest last, and counts the rest', () => {
    const alert = [1, 2, 3, 4, 5].reduce(
      (a, n) => handAlertReducer(a, { type: 'raised', hand: hand(n), myId: me }),
      noHandAlert,
    );
    expect(alertNames(alert)).toEqual({ names: ['P3', 'P4', 'P5'], more: 2 });
  });

  it('the sound is off until switched on, and remembered', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(readHandSound(storage)).toBe(false);
    writeHandSound(storage, true);
    expect(readHandSound(storage)).toBe(true);
    expect(readHandSound(undefined)).toBe(false);
  });
});
