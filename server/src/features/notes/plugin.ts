import fp from 'fastify-plugin';
import { NOTES_UPDATE_LIMIT } from '@plenum/shared';
import { redisPrefix } from '../../plugins/redis.ts';
import { memoryRateLimiter, redisRateLimiter } from '../../realtime/rate-limit.ts';
import { notesHandlers } from './socket.ts';
import { NotesStore } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live-edited notes documents (Yjs), stored in Postgres; this node's cache of them. */
    notes: NotesStore;
  }
}

export interface NotesOptions {
  /** Updates per document before they are merged into its snapshot. */
  compactAfter?: number;
}

/**
 * Live notes: one Yjs document per working group and phase, one per event's plenary, synced over
 * the socket (`notes:*`, see docs/realtime.md), appended to Postgres before anyone hears of an
 * edit, compacted into a snapshot now and then.
 */
export default fp<NotesOptions>(
  async (app, opts) => {
    const store = new NotesStore(app.db, { compactAfter: opts.compactAfter });
    app.decorate('notes', store);
    const limiter = app.redis
      ? redisRateLimiter(
          app.redis.client,
          NOTES_UPDATE_LIMIT,
          `${await redisPrefix(app.db)}rate:notes:`,
        )
      : memoryRateLimiter(NOTES_UPDATE_LIMIT);
    app.realtime.socketHandlers.push(notesHandlers(store, limiter));
    app.addHook('preClose', async () => {
      await Promise.allSettled([...store.compactions]);
    });
  },
  { name: 'notes', dependencies: ['db', 'redis', 'socket-io'] },
);
