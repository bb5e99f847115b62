import { ReactionSendInput } from '@plenum/shared';
import { AppError } from '../../lib/app-error.ts';
import { onEvent } from '../../realtime/on-event.ts';
import type { RateLimiter } from '../../realtime/rate-limit.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import type { ReactionAggregator } from './aggregator.ts';

/**
 * `reaction:send`: one click, counted into the room's next burst. Nothing is stored and nothing is
 * sent per click; the person's limit holds across their windows and, with Redis, across nodes.
 */
export function reactionHandlers(limiter: RateLimiter, aggregator: ReactionAggregator) {
  return (rt: Realtime, socket: PlenumSocket) => {
    onEvent(rt, socket, 'reaction:send', ReactionSendInput, async (input, ctx) => {
      const room = await ctx.room(input.roomId);
      ctx.requireInRoom('reaction.send', room, 'react');
      if (!(await limiter.hit(ctx.person.id))) {
        throw new AppError(
          'rate_limited',
          'One reaction a second is plenty; please wait a moment.',
        );
      }
      aggregator.add(room.id, input.kind);
      return {};
    });
  };
}
