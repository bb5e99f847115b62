import fp from 'fastify-plugin';
import { socketRoom } from '../../realtime/rooms.ts';
import { listEventRooms } from '../rooms/repository.ts';
import { messageDeleted } from '../chat/broadcast.ts';
import { questionHidden } from '../questions/broadcast.ts';
import type { Erasure } from './erasure.ts';
import { runRetention } from './retention.ts';
import privacyRoutes from './routes.ts';

export interface PrivacyOptions {
  /** How often this node deletes chat and notes past their retention. */
  retentionCheckMs?: number;
}

/**
 * Privacy: retention settings, erasure and export routes, and the retention job. The job holds
 * no state: every node runs it, and the database decides which rows each run deletes.
 */
export default fp<PrivacyOptions>(
  async (app, opts) => {
    /** Screens drop the erased texts at once; the person's sockets and media in the event end. */
    async function erased(eventId: string, personId: string, erasure: Erasure) {
      const { io } = app.realtime;
      const groups = await listEventRooms(app.db, eventId);
      const groupRooms = groups
        .filter((r) => r.kind === 'working_group')
        .map((r) => socketRoom.room(r.id));
      for (const m of erasure.chatMessages) {
        const to =
          m.scope === 'room'
            ? [socketRoom.room(m.roomId!)]
            : m.scope === 'event'
              ? [socketRoom.event(eventId)]
              : groupRooms;
        messageDeleted(io, to, { messageId: m.id, roomId: m.roomId, scope: m.scope });
      }
      for (const q of erasure.questions) questionHidden(io, q);
      const sockets = await io.in(socketRoom.person(personId)).fetchSockets();
      for (const socket of sockets) if (socket.data.eventId === eventId) socket.disconnect(true);
      await Promise.all(
        groups.map((room) =>
          app.livekit.rooms.removeParticipant(room.id, personId).catch(() => {
            // Not connected there, or LiveKit down: without a membership no new token is issued.
          }),
        ),
      );
    }

    await app.register(privacyRoutes, { erased });

    let running = false;
    const applyRetention = async () => {
      if (running) return;
      running = true;
      try {
        for (const r of await runRetention(app.db)) {
          app.log.info(r, 'retention deleted expired chat and notes');
        }
      } catch (err) {
        app.log.warn({ err }, 'retention run failed; retrying at the next interval');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(applyRetention, opts.retentionCheckMs ?? 5 * 60_000);
    timer.unref();
    app.addHook('onReady', applyRetention);
    app.addHook('preClose', async () => clearInterval(timer));
  },
  { name: 'privacy', dependencies: ['db', 'socket-io', 'livekit'] },
);
