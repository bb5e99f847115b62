import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me } from '@plenum/shared';
import { eventsOfPerson } from '../events/repository.ts';
import { revokeSession } from './service.ts';
import { closeWithNotice } from '../../realtime/recovery.ts';
import { socketRoom } from '../../realtime/rooms.ts';

const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['sessions'],
        summary: 'The signed-in person and their events',
        response: { 200: Me },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      return {
        person: { id: person.personId, displayName: person.displayName, email: person.email },
        memberships: await eventsOfPerson(app.db, person.personId),
      };
    },
  );

  app.post(
    '/api/logout',
    {
      schema: {
        tags: ['sessions'],
        summary: 'End this session',
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const person = await request.currentPerson();
      if (person) {
        await revokeSession(app.db, person.sessionId);
        app.realtime.endSession(person.sessionId);
        // Open sockets of this session end too, on every node: logged out means out. Each is
        // told why first, so that a tab still open says so instead of trying again.
        const notice = {
          reason: 'session_ended' as const,
          message: 'You signed out of this session (perhaps in another window).',
        };
        const sockets = await app.realtime.io.in(socketRoom.person(person.personId)).fetchSockets();
        for (const socket of sockets) {
          if (socket.data.sessionId !== person.sessionId) continue;
          const local = app.realtime.io.of('/').sockets.get(socket.id);
          if (local) closeWithNotice(app.realtime, local, notice);
          else {
            // Another node's, through the adapter, which keeps the notice before the hang-up.
            socket.emit('socket:closed', notice);
            socket.disconnect(true);
          }
        }
      }
      reply.clearSessionCookie();
      return { ok: true as const };
    },
  );
};
export default sessionRoutes;
