import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { can, Event, EventInput, EventPatch, EventSlugParams } from '@plenum/shared';
import { AppError } from '../../lib/app-error.ts';
import { requireRight, resolveEventActor } from '../access/actor.ts';
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
      const person = await request.requirePerson();
      const { event } = await resolveEventActor(app.db, person.personId, request.params.slug);
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
      const person = await request.requirePerson();
      const { event, actor } = await resolveEventActor(
        app.db,
        person.personId,
        request.params.slug,
      );
      requireRight(can(actor, 'event.edit', { eventId: event.id }), 'edit the event');
      return toEvent(await updateEvent(app.db, event, request.body, person.personId));
    },
  );
};
export default eventRoutes;
