import fp from 'fastify-plugin';
import { socketRoom } from '../../realtime/rooms.ts';
import resultsRoutes from './routes.ts';
import { phasesAtConnect } from '../phases/at-connect.ts';
import { shownResultsOf } from './service.ts';
import { registerResultsHandlers } from './socket.ts';

/**
 * The groups' results after a phase: shown in the plenary by staff (socket.ts, state in the
 * phase row) and exported as DOCX and PDF (routes.ts; the Markdown stays with the notes).
 */
export default fp(
  async (app) => {
    await app.register(resultsRoutes);
    app.realtime.socketHandlers.push(registerResultsHandlers);

    // A socket that (re)connects into the plenary sees what is shown there now.
    app.realtime.io.on('connection', (socket) => {
      // The handshake found the plenary already, and the phases are asked once per socket.
      const { plenaryId } = socket.data;
      phasesAtConnect(app.db, socket)
        .then(({ resultsShown }) => shownResultsOf(app.db, resultsShown))
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
