import fp from 'fastify-plugin';
import { GroupCommit } from '../../lib/group-commit.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import resultsRoutes from './routes.ts';
import { currentResults } from './service.ts';
import { registerResultsHandlers } from './socket.ts';

/**
 * The groups' results after a phase: shown in the plenary by staff (socket.ts, state in the
 * phase row) and exported as DOCX and PDF (routes.ts; the Markdown stays with the notes).
 */
export default fp(
  async (app) => {
    await app.register(resultsRoutes);
    app.realtime.socketHandlers.push(registerResultsHandlers);

    // The sockets connecting together (a join storm: a thousand) share one read per event. Each
    // read is sent after all the sockets it answers asked, so none misses results shown earlier.
    const shownNow = new GroupCommit<string, Awaited<ReturnType<typeof currentResults>>>(
      async (eventIds) => {
        const distinct = [...new Set(eventIds)];
        const read = await Promise.all(
          distinct.map((id) => currentResults(app.db, id).catch((err: Error) => err)),
        );
        const byEvent = new Map(distinct.map((id, i) => [id, read[i]!]));
        return eventIds.map((id) => byEvent.get(id)!);
      },
      { maxBatch: 1_000 },
    );

    // A socket that (re)connects into the plenary sees what is shown there now.
    app.realtime.io.on('connection', (socket) => {
      // The handshake found the plenary already: no query for it.
      const { eventId, plenaryId } = socket.data;
      shownNow
        .submit(eventId)
        .then((results) => {
          if (results && socket.connected && socket.rooms.has(socketRoom.room(plenaryId))) {
            socket.emit('results:shown', results);
          }
        })
        .catch((err) => app.log.warn({ err }, 'could not send the shown results on connect'));
    });
  },
  { name: 'results', dependencies: ['db', 'socket-io'] },
);
