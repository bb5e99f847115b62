import fp from 'fastify-plugin';
import { LiveCounts } from './live-counts.ts';
import { pollHandlers } from './socket.ts';

/**
 * Polls: prepared, opened and closed by staff over the socket, one stored vote per person, live
 * counts to staff (aggregated, live-counts.ts), results to the room on close. No REST routes; the
 * exports read `listPollResults` from the repository.
 */
export default fp(
  async (app) => {
    const counts = new LiveCounts(app.realtime.io, app.db, (err) =>
      app.log.warn({ err }, 'poll counts could not be sent'),
    );
    app.realtime.socketHandlers.push(pollHandlers(counts));
    app.addHook('preClose', async () => counts.stop());
  },
  { name: 'polls', dependencies: ['db', 'socket-io'] },
);
