import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgendaItem,
  AgendaItemInput,
  AgendaItemParams,
  AgendaItemPatch,
  EventSlugParams,
} from '@plenum/shared';
import { asDownload } from '../../lib/download.ts';
import { agendaCaller } from './access.ts';
import { emitAgendaUpdated } from './broadcast.ts';
import { exportAgendaICalendar } from './ical.ts';
import importRoutes from './import-routes.ts';
import liveRoutes from './live-routes.ts';
import { createAgendaItem, deleteAgendaItem, listAgenda, updateAgendaItem } from './service.ts';

/** The agenda: read by members, edited by organizers; live control and import beside it. */
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
      const { event } = await agendaCaller(app, request, request.params.slug, 'view');
      return listAgenda(app.db, event.id);
    },
  );

  app.get(
    '/api/events/:slug/agenda.ics',
    {
      schema: {
        tags: ['agenda'],
        summary: 'The agenda as an iCalendar file (RFC 5545, times in UTC); members only',
        params: EventSlugParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => {
      const { event } = await agendaCaller(app, request, request.params.slug, 'view');
      const calendar = await exportAgendaICalendar(app.db, event);
      return asDownload(reply, `${event.slug}.ics`)
        .type('text/calendar; charset=utf-8')
        .send(calendar);
    },
  );

  app.post(
    '/api/events/:slug/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Add an agenda item (organizers); 409 names an overlapping item',
        params: EventSlugParams,
        body: AgendaItemInput,
        response: { 201: AgendaItem },
      },
    },
    async (request, reply) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'manage');
      const item = await createAgendaItem(app.db, event.id, request.body, personId);
      await emitAgendaUpdated(app, event.id);
      return reply.status(201).send(item);
    },
  );

  app.patch(
    '/api/events/:slug/agenda/:itemId',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Edit an agenda item (organizers); 409 names an overlapping item',
        params: AgendaItemParams,
        body: AgendaItemPatch,
        response: { 200: AgendaItem },
      },
    },
    async (request) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'manage');
      const { itemId } = request.params;
      const item = await updateAgendaItem(app.db, event.id, itemId, request.body, personId);
      await emitAgendaUpdated(app, event.id);
      return item;
    },
  );

  app.delete(
    '/api/events/:slug/agenda/:itemId',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Delete an agenda item (organizers)',
        params: AgendaItemParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'manage');
      await deleteAgendaItem(app.db, event.id, request.params.itemId, personId);
      await emitAgendaUpdated(app, event.id);
      return reply.status(204).send(null);
    },
  );

  await app.register(liveRoutes);
  await app.register(importRoutes);
};
export default agendaRoutes;
