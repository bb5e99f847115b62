import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgendaExtendInput, AgendaItem, AgendaItemParams, AgendaShiftInput } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { agendaCaller } from './access.ts';
import { emitAgendaUpdated } from './broadcast.ts';
import { endItem, extendItem, shiftItems, startItem } from './live.ts';

type LiveChange = (
  db: Db,
  eventId: string,
  itemId: string,
  personId: string,
  minutes: number,
) => ReturnType<typeof startItem>;

/** The four live controls differ only in their summary, body and service call. */
const controls: {
  action: string;
  summary: string;
  body?: typeof AgendaExtendInput;
  change: LiveChange;
}[] = [
  {
    action: 'start',
    summary: 'Start an item now; ends whatever else runs in its room',
    change: (db, eventId, itemId, personId) => startItem(db, eventId, itemId, personId),
  },
  {
    action: 'end',
    summary: 'End a running item now',
    change: (db, eventId, itemId, personId) => endItem(db, eventId, itemId, personId),
  },
  {
    action: 'extend',
    summary: 'Lengthen an item by 1–240 minutes; every later item of the day moves along',
    body: AgendaExtendInput,
    change: (db, eventId, itemId, personId, minutes) =>
      extendItem(db, eventId, itemId, minutes, personId),
  },
  {
    action: 'shift',
    summary: 'Move an item and every later item of its day by −240…240 minutes (not 0)',
    body: AgendaShiftInput,
    change: (db, eventId, itemId, personId, minutes) =>
      shiftItems(db, eventId, itemId, minutes, personId),
  },
];

/** Running the schedule live (organizers): each answers, and broadcasts, the whole new agenda. */
const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const control of controls) {
    app.post(
      `/api/events/:slug/agenda/:itemId/${control.action}`,
      {
        schema: {
          tags: ['agenda'],
          summary: control.summary,
          params: AgendaItemParams,
          ...(control.body && { body: control.body }),
          response: { 200: z.array(AgendaItem) },
        },
      },
      async (request) => {
        const { event, personId } = await agendaCaller(app, request, request.params.slug, 'run');
        const minutes = (request.body as { minutes?: number } | undefined)?.minutes ?? 0;
        const agenda = await control.change(
          app.db,
          event.id,
          request.params.itemId,
          personId,
          minutes,
        );
        await emitAgendaUpdated(app, event.id, agenda);
        return agenda;
      },
    );
  }
};
export default liveRoutes;
