import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgendaImportResult, EventSlugParams } from '@plenum/shared';
import { agendaCaller } from './access.ts';
import { emitAgendaUpdated } from './broadcast.ts';
import { decodeXmlBody } from './frab-import.ts';
import { importFrabAgenda } from './import-service.ts';

const XML_LIMIT = 2 * 1024 * 1024;

/** Import from pretalx/Frab XML. The XML parser is registered here only, for this route. */
const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: XML_LIMIT },
    (_request, body, done) => {
      try {
        done(null, decodeXmlBody(body as Buffer));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );

  app.post(
    '/api/events/:slug/agenda/import',
    {
      bodyLimit: XML_LIMIT,
      schema: {
        tags: ['agenda'],
        summary:
          'Import a pretalx/Frab schedule (XML, at most 2 MB, 20,000 elements, 32 attributes on one), all or nothing (organizers)',
        consumes: ['application/xml', 'text/xml'],
        params: EventSlugParams,
        body: z.string().min(1).describe('pretalx/Frab schedule XML'),
        response: { 200: AgendaImportResult },
      },
    },
    async (request) => {
      const { event, personId } = await agendaCaller(app, request, request.params.slug, 'manage');
      const result = await importFrabAgenda(app.db, event, request.body, personId);
      if (result.imported) await emitAgendaUpdated(app, event.id);
      return result;
    },
  );
};
export default importRoutes;
