import fp from 'fastify-plugin';
import captionRoutes from './routes.ts';
import { registerCaptionHandlers } from './socket.ts';

/** Live captions (Schriftdolmetschen): the socket stream per room and the transcript routes. */
export default fp(
  async (app) => {
    await app.register(captionRoutes);
    app.realtime.socketHandlers.push(registerCaptionHandlers);
  },
  { name: 'captions', dependencies: ['db', 'socket-io'] },
);
