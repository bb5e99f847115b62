import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgendaExtendInput, AgendaItem, AgendaItemParams, AgendaShiftInput } from '@plenum/shared';
import { agendaCaller } from './access.ts';
import { emitAgendaUpdated } from './broadcast.ts';
import { endItem, extendItem, shiftItems, startItem } from './live.ts';

const response = { 200: z.array(AgendaItem) };

/** Running the schedule live (organizers): each answers, and broadcasts, the whole new agenda. */
const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/events/:slug/agenda/:itemId/start',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Start an item now; ends whatever else runs in its room',
        params: AgendaItemParams,
        response,
      },
    },
    async (request) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'run');
      const agenda = await startItem(app.db, event.id, request.params.itemId, personId);
      await emitAgendaUpdated(app, event.id, agenda);
      return agenda;
    },
  );

  app.post(
    '/api/events/:slug/agenda/:itemId/end',
    {
      schema: {
        tags: ['agenda'],
        summary: 'End a running item now',
        params: AgendaItemParams,
        response,
      },
    },
    async (request) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'run');
      const agenda = await endItem(app.db, event.id, request.params.itemId, personId);
      await emitAgendaUpdated(app, event.id, agenda);
      return agenda;
    },
  );

  app.post(
    '/api/events/:slug/agenda/:itemId/extend',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Lengthen an item by 1–240 minutes; every later item of the day moves along',
        params: AgendaItemParams,
        body: AgendaExtendInput,
        response,
      },
    },
    async (request) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'run');
      const { itemId } = request.params;
      const agenda = await extendItem(app.db, event.id, itemId, request.body.minutes, personId);
      await emitAgendaUpdated(app, event.id, agenda);
      return agenda;
    },
  );

  app.post(
    '/api/events/:slug/agenda/:itemId/shift',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Move an item and every later item of its day by −240…240 minutes (not 0)',
        params: AgendaItemParams,
        body: AgendaShiftInput,
        response,
      },
    },
    async (request) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'run');
      const { itemId } = request.params;
      const agenda = await shiftItems(app.db, event.id, itemId, request.body.minutes, personId);
      await emitAgendaUpdated(app, event.id, agenda);
      return agenda;
    },
  );
};
export default liveRoutes;
