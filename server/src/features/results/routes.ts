import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PhaseParams } from '@plenum/shared';
import { asDownload } from '../../lib/download.ts';
import { requireResultsReader } from '../phases/access.ts';
import { exportName, resultsDocument, type ResultsDocument } from './document.ts';
import { resultsDocx } from './docx.ts';
import { resultsMarkdown } from './markdown.ts';
import { resultsPdf } from './pdf.ts';

interface ResultsFormat {
  ext: 'md' | 'docx' | 'pdf';
  type: string;
  summary: string;
  render(doc: ResultsDocument): Promise<Buffer>;
}

const formats: ResultsFormat[] = [
  {
    ext: 'md',
    type: 'text/markdown; charset=utf-8',
    summary: 'All groups’ notes and the phase’s polls as one Markdown document',
    render: async (doc) => Buffer.from(resultsMarkdown(doc), 'utf8'),
  },
  {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    summary: 'All groups’ notes and the phase’s polls as a Word document',
    render: resultsDocx,
  },
  {
    ext: 'pdf',
    type: 'application/pdf',
    summary: 'All groups’ notes and the phase’s polls as a PDF',
    render: async (doc) => Buffer.from(await resultsPdf(doc)),
  },
];

/** The results as documents: Markdown, and for offices DOCX and PDF, with the same rights. */
const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['phases'];
  const binary = z.any().describe('the file');

  for (const format of formats) {
    app.get(
      `/api/phases/:phaseId/results.${format.ext}`,
      { schema: { tags, summary: format.summary, params: PhaseParams, response: { 200: binary } } },
      async (request, reply) => {
        const person = await request.requirePerson();
        const { phase } = await requireResultsReader(
          app.db,
          person.personId,
          request.params.phaseId,
        );
        const file = await format.render(await resultsDocument(app.db, phase));
        return asDownload(reply, exportName(phase, format.ext)).type(format.type).send(file);
      },
    );
  }
};
export default resultsRoutes;
