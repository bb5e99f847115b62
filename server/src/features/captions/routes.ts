import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  can,
  CaptionTranscriptInput,
  CaptionTranscriptState,
  EventSlugParams,
  TranscriptExportQuery,
} from '@plenum/shared';
import { asDownload } from '../../lib/download.ts';
import { requireRight, resolveEventActor } from '../access/actor.ts';
import { captionTranscriptChanged } from './broadcast.ts';
import { transcriptEnabled, transcriptOf } from './repository.ts';
import { setTranscript } from './service.ts';
import { transcriptDocument } from './transcript.ts';

/** The event's caption transcript: whether it is kept (everyone may know), switch and export. */
const captionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events/:slug/captions/transcript',
    {
      schema: {
        tags: ['captions'],
        summary: 'Whether final caption lines are kept as a transcript (members)',
        params: EventSlugParams,
        response: { 200: CaptionTranscriptState },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { event } = await resolveEventActor(app.db, person.personId, request.params.slug);
      return { enabled: await transcriptEnabled(app.db, event.id) };
    },
  );

  app.put(
    '/api/events/:slug/captions/transcript',
    {
      schema: {
        tags: ['captions'],
        summary: 'Switch the caption transcript on or off (organizers; audited)',
        params: EventSlugParams,
        body: CaptionTranscriptInput,
        response: { 200: CaptionTranscriptState },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { event, actor } = await resolveEventActor(
        app.db,
        person.personId,
        request.params.slug,
      );
      requireRight(can(actor, 'caption.transcript', { eventId: event.id }), 'keep a transcript');
      const state = await setTranscript(app.db, event.id, request.body.enabled, person.personId);
      captionTranscriptChanged(app.realtime.io, event.id, state);
      return state;
    },
  );

  app.get(
    '/api/events/:slug/captions/transcript/export',
    {
      schema: {
        tags: ['captions'],
        summary: 'The stored caption lines as Markdown or plain text (organizers)',
        params: EventSlugParams,
        querystring: TranscriptExportQuery,
        produces: ['text/markdown', 'text/plain'],
        response: { 200: z.string().describe('text/markdown or text/plain') },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const { event, actor } = await resolveEventActor(
        app.db,
        person.personId,
        request.params.slug,
      );
      requireRight(
        can(actor, 'caption.transcript', { eventId: event.id }),
        'export the transcript',
      );
      const { format } = request.query;
      const body = transcriptDocument(event, await transcriptOf(app.db, event.id), format);
      const [type, ext] = format === 'markdown' ? ['text/markdown', 'md'] : ['text/plain', 'txt'];
      return asDownload(reply, `mitschrift-${event.slug}.${ext}`)
        .type(`${type}; charset=utf-8`)
        .send(body);
    },
  );
};

export default captionRoutes;
