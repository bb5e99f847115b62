import type { Hand } from '@plenum/shared';

/** A room's queue of raised hands, oldest first, kept current by the `hand:*` events. */

export function applyHand(queue: readonly Hand[], hand: Hand): Hand[] {
  const others = queue.filter((h) => h.id !== hand.id);
  if (hand.status !== 'raised') return others;
  return [...others, hand].sort(
    (a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt) || a.id - b.id,
  );
}

export function myHand(queue: readonly Hand[], personId: string): Hand | undefined {
  return queue.find((h) => h.person.id === personId);
}

/** 1-based place in the queue, for "Sie sind Nummer 2". */
export function placeInQueue(queue: readonly Hand[], personId: string): number | null {
  const index = queue.findIndex((h) => h.person.id === personId);
  return index === -1 ? null : index + 1;
}
