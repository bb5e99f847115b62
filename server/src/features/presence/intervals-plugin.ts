import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import { GroupCommit } from '../../lib/group-commit.ts';
import { HEARTBEAT_MS, closeIntervalsOfNode, writeIntervalChanges } from './intervals.ts';
import type { IntervalChange } from './intervals.ts';
import { refreshIntervals, sweepStaleIntervals } from './intervals.ts';

export interface PresenceIntervalsOptions {
  heartbeatMs?: number;
}

/**
 * Attendance over Socket.IO: whoever follows by chat, or whose camera and microphone failed, is
 * present too. The adapter reports every join and leave of this node's sockets, whoever caused it
 * (the connection, a move from another node, a visit, a disconnect); each becomes an interval in
 * Postgres. Writes of one socket run in order, so a quick join-leave never leaves one open; joins
 * and leaves that happen together (a phase opening) are written together.
 */
export default fp<PresenceIntervalsOptions>(
  async (app, opts) => {
    const nodeId = randomUUID();
    const nsp = app.realtime.io.of('/');
    // One batch at a time (GroupCommit), so each socket's changes are written in order.
    const writer = new GroupCommit(
      async (changes: IntervalChange[]) => {
        await writeIntervalChanges(app.db, changes).catch((err) =>
          app.log.warn({ err, changes: changes.length }, 'presence intervals not stored'),
        );
        return changes.map(() => true);
      },
      { maxBatch: 2_000 },
    );
    let stopped = false;
    const pending = new Set<Promise<unknown>>();
    const write = (change: IntervalChange) => {
      const task = writer.submit(change).finally(() => pending.delete(task));
      pending.add(task);
    };
    const roomIdOf = (room: string) => (room.startsWith('room:') ? room.slice(5) : null);

    nsp.adapter.on('join-room', (room: string, socketId: string) => {
      const roomId = roomIdOf(room);
      const socket = nsp.sockets.get(socketId);
      if (stopped || !roomId || !socket) return;
      const { eventId, personId } = socket.data;
      write({ kind: 'open', row: { eventId, personId, roomId, socketId, nodeId } });
    });
    nsp.adapter.on('leave-room', (room: string, socketId: string) => {
      const roomId = roomIdOf(room);
      if (stopped || !roomId) return;
      write({ kind: 'close', socketId, roomId });
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
      await Promise.allSettled([...pending]);
      stopped = true;
      await closeIntervalsOfNode(app.db, nodeId).catch((err) =>
        app.log.warn({ err }, 'presence intervals not closed on shutdown'),
      );
    });
  },
  { name: 'presence-intervals', dependencies: ['db', 'socket-io'] },
);
