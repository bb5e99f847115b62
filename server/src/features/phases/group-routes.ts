import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  HelpInput,
  HelpRequest,
  Notes,
  NotesInput,
  PhaseParams,
  PhaseRoomParams,
} from '@plenum/shared';
import { asDownload } from '../../lib/download.ts';
import { requireGroupMember, requireNotesReader, requireResultsReader } from './access.ts';
import { requestHelp } from './help.ts';
import { getNotes, resultsMarkdown, saveNotes } from './notes.ts';
import { helpRequested, notesUpdated } from './broadcast.ts';
import { exportName } from '../results/document.ts';

/** What a working group produces: its notes, its calls for help, and the results document. */
const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['phases'];

  /** The signed-in caller, their phase and their group's room; refused unless they are in it. */
  async function groupMember(request: FastifyRequest, params: { phaseId: string; roomId: string }) {
    const person = await request.requirePerson();
    const group = await requireGroupMember(app.db, person.personId, params.phaseId, params.roomId);
    return { person, ...group };
  }

  app.get(
    '/api/phases/:phaseId/rooms/:roomId/notes',
    { schema: { tags, params: PhaseRoomParams, response: { 200: Notes } } },
    async (request) => {
      const person = await request.requirePerson();
      const { phase } = await requireNotesReader(
        app.db,
        person.personId,
        request.params.phaseId,
        request.params.roomId,
      );
      return getNotes(app.db, phase.id, request.params.roomId);
    },
  );

  app.put(
    '/api/phases/:phaseId/rooms/:roomId/notes',
    {
      schema: {
        tags,
        summary: 'Save the group’s notes (409 if someone saved first)',
        params: PhaseRoomParams,
        body: NotesInput,
        response: { 200: Notes },
      },
    },
    async (request) => {
      const { person, phase, room } = await groupMember(request, request.params);
      const notes = await saveNotes(app.db, {
        ...request.body,
        phaseId: phase.id,
        roomId: room.id,
        personId: person.personId,
      });
      await notesUpdated(app.realtime.io, app.db, phase.eventId, notes);
      return notes;
    },
  );

  app.post(
    '/api/phases/:phaseId/rooms/:roomId/help',
    {
      schema: {
        tags,
        summary: 'Ask the organizers for help',
        params: PhaseRoomParams,
        body: HelpInput,
        response: { 200: HelpRequest },
      },
    },
    async (request) => {
      const { person, phase, room } = await groupMember(request, request.params);
      const help = await requestHelp(app.db, {
        phaseId: phase.id,
        roomId: room.id,
        personId: person.personId,
        message: request.body.message,
      });
      await helpRequested(app.realtime.io, app.db, phase.eventId, help);
      return help;
    },
  );

  app.get(
    '/api/phases/:phaseId/results.md',
    {
      schema: {
        tags,
        summary: 'All groups’ notes as one Markdown document',
        params: PhaseParams,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const person = await request.requirePerson();
      const { phase } = await requireResultsReader(app.db, person.personId, request.params.phaseId);
      return asDownload(reply, exportName(phase, 'md'))
        .type('text/markdown; charset=utf-8')
        .send(await resultsMarkdown(app.db, phase));
    },
  );
};
export default groupRoutes;
