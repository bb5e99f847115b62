import fp from 'fastify-plugin';
import { socketRoom } from '../../realtime/rooms.ts';
import { findPlenary } from '../rooms/repository.ts';
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

    // A socket that (re)connects into the plenary sees what is shown there now.
    app.realtime.io.on('connection', (socket) => {
      const { eventId } = socket.data;
      Promise.all([currentResults(app.db, eventId), findPlenary(app.db, eventId)])
        .then(([results, plenary]) => {
          if (results && socket.connected && socket.rooms.has(socketRoom.room(plenary.id))) {
            socket.emit('results:shown', results);
          }
        })
        .catch((err) => app.log.warn({ err }, 'could not send the shown results on connect'));
    });
  },
  { name: 'results', dependencies: ['db', 'socket-io'] },
);
