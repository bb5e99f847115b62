import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PhaseParams } from '@plenum/shared';
import { requireResultsReader } from '../phases/access.ts';
import { exportName, resultsDocument } from './document.ts';
import { resultsDocx } from './docx.ts';
import { resultsPdf } from './pdf.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The results as documents for offices, beside results.md and with the same rights. */
const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['phases'];
  const binary = z.any().describe('the file');

  app.get(
    '/api/phases/:phaseId/results.docx',
    {
      schema: {
        tags,
        summary: 'All groups’ notes and the phase’s polls as a Word document',
        params: PhaseParams,
        response: { 200: binary },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const { phase } = await requireResultsReader(app.db, person.personId, request.params.phaseId);
      const file = await resultsDocx(await resultsDocument(app.db, phase));
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="${exportName(phase, 'docx')}"`)
        .send(file);
    },
  );

  app.get(
    '/api/phases/:phaseId/results.pdf',
    {
      schema: {
        tags,
        summary: 'All groups’ notes and the phase’s polls as a PDF',
        params: PhaseParams,
        response: { 200: binary },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const { phase } = await requireResultsReader(app.db, person.personId, request.params.phaseId);
      const file = await resultsPdf(await resultsDocument(app.db, phase));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${exportName(phase, 'pdf')}"`)
        .send(Buffer.from(file));
    },
  );
};
export default resultsRoutes;
