import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Event, EventInput, EventPatch, EventSlugParams } from '@plenum/shared';
import { AppError } from '../../lib/app-error.ts';
import { requireEventActor } from '../access/actor.ts';
import { createEvent, isOrganizerSomewhere, toEvent, updateEvent } from './service.ts';

const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Create an event (organizers only); the caller becomes its organizer',
        body: EventInput,
        response: { 201: Event },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      if (!(await isOrganizerSomewhere(app.db, person.personId))) {
        throw new AppError('forbidden', 'Only organizers can create events.');
      }
      const event = await createEvent(app.db, request.body, person.personId);
      return reply.status(201).send(toEvent(event));
    },
  );

  app.get(
    '/api/events/:slug',
    { schema: { tags: ['events'], params: EventSlugParams, response: { 200: Event } } },
    async (request) => {
      const { event } = await requireEventActor(request, request.params.slug);
      return toEvent(event);
    },
  );

  app.patch(
    '/api/events/:slug',
    {
      schema: {
        tags: ['events'],
        summary: 'Edit the event (organizers)',
        params: EventSlugParams,
        body: EventPatch,
        response: { 200: Event },
      },
    },
    async (request) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'event.edit',
        what: 'edit the event',
      });
      return toEvent(await updateEvent(app.db, event, request.body, person.personId));
    },
  );
};
export default eventRoutes;
