import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HelpInput, HelpRequest, Notes, PhaseRoomParams } from '@plenum/shared';
import { requireGroupMember, requireNotesReader } from './access.ts';
import { requestHelp } from './help.ts';
import { getNotes } from './notes.ts';
import { helpRequested } from './broadcast.ts';

/** What a working group produces: its notes and its calls for help (results: features/results). */
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
};
export default groupRoutes;
