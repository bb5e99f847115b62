import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EventSlugParams,
  Room,
  RoomParams,
  WorkingGroupInput,
  WorkingGroupPatch,
} from '@plenum/shared';
import { requireEventActor } from '../access/actor.ts';
import { dropFormerModerators } from '../notes/broadcast.ts';
import { dispatchRoomDeleted } from '../phases/dispatch.ts';
import {
  createWorkingGroup,
  deleteWorkingGroup,
  listRooms,
  updateWorkingGroup,
} from './service.ts';

const roomRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events/:slug/rooms',
    {
      schema: {
        tags: ['rooms'],
        summary: 'The plenary and the working groups',
        params: EventSlugParams,
        response: { 200: z.array(Room) },
      },
    },
    async (request) => {
      const { event } = await requireEventActor(request, request.params.slug);
      return listRooms(app.db, event.id);
    },
  );

  app.post(
    '/api/events/:slug/rooms',
    {
      schema: {
        tags: ['rooms'],
        summary: 'Add a working group (organizers)',
        params: EventSlugParams,
        body: WorkingGroupInput,
        response: { 201: Room },
      },
    },
    async (request, reply) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'room.manage',
        what: 'manage rooms',
      });
      return reply
        .status(201)
        .send(await createWorkingGroup(app.db, event.id, request.body, person.personId));
    },
  );

  app.patch(
    '/api/events/:slug/rooms/:roomId',
    {
      schema: {
        tags: ['rooms'],
        summary: 'Edit a room: name, description, capacity, moderators (organizers)',
        params: RoomParams,
        body: WorkingGroupPatch,
        response: { 200: Room },
      },
    },
    async (request) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'room.manage',
        what: 'manage rooms',
      });
      const { room, formerModeratorIds } = await updateWorkingGroup(
        app.db,
        event.id,
        request.params.roomId,
        request.body,
        person.personId,
      );
      const changed = request.body.moderatorIds
        ? [...formerModeratorIds, ...room.moderatorIds]
        : [];
      for (const personId of changed) app.realtime.forgetRightsOf(personId);
      await dropFormerModerators(
        app.realtime.io,
        app.db,
        { eventId: event.id, roomId: room.id },
        formerModeratorIds,
      );
      return room;
    },
  );

  app.delete(
    '/api/events/:slug/rooms/:roomId',
    {
      schema: {
        tags: ['rooms'],
        summary: 'Delete a working group (organizers)',
        params: RoomParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'room.manage',
        what: 'manage rooms',
      });
      await deleteWorkingGroup(app.db, event.id, request.params.roomId, person.personId);
      const deps = {
        db: app.db,
        io: app.realtime.io,
        livekit: app.livekit,
        presence: app.realtime.presence,
      };
      await dispatchRoomDeleted(deps, event.id, request.params.roomId);
      return reply.status(204).send(null);
    },
  );
};
export default roomRoutes;
