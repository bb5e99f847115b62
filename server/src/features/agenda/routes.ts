import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgendaItem, EventSlugParams } from '@plenum/shared';
import { resolveEventActor } from '../access/actor.ts';
import { listAgenda } from './service.ts';

const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events/:slug/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary: 'The agenda, planned and actual times in UTC',
        params: EventSlugParams,
        response: { 200: z.array(AgendaItem) },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { event } = await resolveEventActor(app.db, person.personId, request.params.slug);
      return listAgenda(app.db, event.id);
    },
  );
};
export default agendaRoutes;
