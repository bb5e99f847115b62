import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import { HEARTBEAT_MS, closeInterval, closeIntervalsOfNode, openInterval } from './intervals.ts';
import { refreshIntervals, sweepStaleIntervals } from './intervals.ts';

export interface PresenceIntervalsOptions {
  heartbeatMs?: number;
}

/**
 * Attendance over Socket.IO: whoever follows by chat, or whose camera and microphone failed, is
 * present too. The adapter reports every join and leave of this node's sockets, whoever caused it
 * (the connection, a move from another node, a visit, a disconnect); each becomes an interval in
 * Postgres. Writes of one socket run in order, so a quick join-leave never leaves one open.
 */
export default fp<PresenceIntervalsOptions>(
  async (app, opts) => {
    const nodeId = randomUUID();
    const nsp = app.realtime.io.of('/');
    const chains = new Map<string, Promise<void>>();
    let stopped = false;

    const inOrder = (socketId: string, write: () => Promise<void>) => {
      const previous = chains.get(socketId) ?? Promise.resolve();
      const next = previous
        .then(write)
        .catch((err) => app.log.warn({ err }, 'presence interval not stored'));
      chains.set(socketId, next);
      void next.finally(() => {
        if (chains.get(socketId) === next) chains.delete(socketId);
      });
    };
    const roomIdOf = (room: string) => (room.startsWith('room:') ? room.slice(5) : null);

    nsp.adapter.on('join-room', (room: string, socketId: string) => {
      const roomId = roomIdOf(room);
      const socket = nsp.sockets.get(socketId);
      if (stopped || !roomId || !socket) return;
      const { eventId, personId } = socket.data;
      inOrder(socketId, () =>
        openInterval(app.db, { eventId, personId, roomId, socketId, nodeId }),
      );
    });
    nsp.adapter.on('leave-room', (room: string, socketId: string) => {
      const roomId = roomIdOf(room);
      if (stopped || !roomId) return;
      inOrder(socketId, () => closeInterval(app.db, socketId, roomId));
    });

    const heartbeat = async () => {
      try {
        await refreshIntervals(app.db, nodeId);
        const swept = await sweepStaleIntervals(app.db);
        if (swept > 0) app.log.info({ swept }, 'closed presence intervals of a stopped node');
      } catch (err) {
        app.log.warn({ err }, 'presence heartbeat failed; retrying');
      }
    };
    const timer = setInterval(heartbeat, opts.heartbeatMs ?? HEARTBEAT_MS);
    timer.unref();
    app.addHook('onReady', heartbeat);
    // After socket-io's preClose has dropped the sockets: their leaves are written, then the rest.
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await Promise.allSettled([...chains.values()]);
      stopped = true;
      await closeIntervalsOfNode(app.db, nodeId).catch((err) =>
        app.log.warn({ err }, 'presence intervals not closed on shutdown'),
      );
    });
  },
  { name: 'presence-intervals', dependencies: ['db', 'socket-io'] },
);
