import { HandDismissInput, HandRoomInput, type Hand } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { findRoom } from '../rooms/repository.ts';
import { handDismissed, handLowered, handRaised, handTaken } from './broadcast.ts';
import { dismissHand, findHand, handQueue, lowerHand, raiseHand, takeNextHand } from './service.ts';

export function registerHandHandlers(rt: Realtime, socket: PlenumSocket) {
  onEvent(rt, socket, 'hand:raise', HandRoomInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    ctx.requireInRoom('hand.raise', room, 'raise your hand');
    const { hand, created } = await raiseHand(rt.db, room, ctx.person.id);
    if (created) handRaised(rt.io, hand);
    return { hand };
  });

  onEvent(rt, socket, 'hand:lower', HandRoomInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    const hand = await lowerHand(rt.db, room, ctx.person.id);
    if (hand) handLowered(rt.io, hand);
    return { hand };
  });

  onEvent(rt, socket, 'hand:list', HandRoomInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    return { hands: await handQueue(rt.db, room.id) };
  });

  onEvent(rt, socket, 'hand:takeNext', HandRoomInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    ctx.requireInRoom('hand.take', room, 'take raised hands');
    const hand = await takeNextHand(rt.db, room, ctx.person.id);
    if (hand) {
      handTaken(rt.io, hand);
      notifyHandTaken(rt, hand, ctx.eventId, ctx.person.id);
    }
    return { hand };
  });

  onEvent(rt, socket, 'hand:dismiss', HandDismissInput, async (input, ctx) => {
    const found = await findHand(rt.db, ctx.eventId, input.handId);
    const room = await findRoom(rt.db, ctx.eventId, found.roomId);
    ctx.requireInRoom('hand.take', room, 'dismiss raised hands');
    const hand = await dismissHand(rt.db, ctx.eventId, input.handId, ctx.person.id);
    handDismissed(rt.io, hand);
    return { hand };
  });
}

/**
 * Tells the listeners (the LiveKit layer promotes the person to speaker) that a hand was taken.
 * The hand is already stored and broadcast; a failing listener is logged, not undone.
 */
function notifyHandTaken(rt: Realtime, hand: Hand, eventId: string, takenBy: string) {
  for (const listener of rt.handTakenListeners) {
    Promise.resolve()
      .then(() => listener(hand, { eventId, takenBy }))
      .catch((err) => rt.log.error({ err, handId: hand.id }, 'hand-taken listener failed'));
  }
}
