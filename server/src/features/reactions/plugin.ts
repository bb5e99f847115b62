import fp from 'fastify-plugin';
import { REACTION_LIMIT } from '@plenum/shared';
import { redisPrefix } from '../../plugins/redis.ts';
import { memoryRateLimiter, redisRateLimiter } from '../../realtime/rate-limit.ts';
import { ReactionAggregator } from './aggregator.ts';
import { reactionBurst } from './broadcast.ts';
import { reactionHandlers } from './socket.ts';

/**
 * Reactions: each node counts the clicks it receives and sends each room its own bursts through
 * the adapter (so with n nodes a room hears at most n × 4 bursts a second). See docs/realtime.md.
 */
export default fp(
  async (app) => {
    const limiter = app.redis
      ? redisRateLimiter(
          app.redis.client,
          REACTION_LIMIT,
          `${await redisPrefix(app.db)}rate:reactions:`,
        )
      : memoryRateLimiter(REACTION_LIMIT);
    const io = app.realtime.io;
    const aggregator = new ReactionAggregator((burst) => reactionBurst(io, burst));
    app.realtime.socketHandlers.push(reactionHandlers(limiter, aggregator));
    app.addHook('preClose', async () => aggregator.close());
  },
  { name: 'reactions', dependencies: ['db', 'redis', 'socket-io'] },
);
