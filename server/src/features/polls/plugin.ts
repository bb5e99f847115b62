import fp from 'fastify-plugin';
import { pollLimits } from '@plenum/shared';
import { redisPrefix } from '../../plugins/redis.ts';
import { LiveCounts, ownWindow, sharedWindow } from './live-counts.ts';
import { pollHandlers } from './socket.ts';

/**
 * Polls: prepared, opened and closed by staff over the socket, one stored vote per person, live
 * counts to staff (aggregated, at most 4 per second per poll over all nodes: live-counts.ts),
 * results to the room on close. No REST routes; the exports read `listPollResults` from the
 * repository.
 */
export default fp(
  async (app) => {
    const window = app.redis
      ? sharedWindow(app.redis.client, await redisPrefix(app.db), pollLimits.countsIntervalMs)
      : ownWindow;
    const counts = new LiveCounts(
      app.realtime.io,
      app.db,
      (err) => app.log.warn({ err }, 'poll counts could not be sent'),
      window,
    );
    app.realtime.socketHandlers.push(pollHandlers(counts));
    app.addHook('preClose', async () => counts.stop());
  },
  { name: 'polls', dependencies: ['db', 'redis', 'socket-io'] },
);
