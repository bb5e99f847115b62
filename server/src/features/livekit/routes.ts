import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  can,
  ModerationInput,
  ParticipantActionParams,
  RoomIdParams,
  RoomToken,
  moderationRights,
} from '@plenum/shared';
import { AppError, notFound } from '../../lib/app-error.ts';
import { loadActor, requireRight } from '../access/actor.ts';
import { roomTarget } from '../access/room-access.ts';
import { findRoomById } from '../rooms/repository.ts';
import { findRoomActorBySession } from '../access/signed-in.ts';
import { notSignedIn, readSessionSecret, SESSION_COOKIE } from '../../plugins/auth.ts';
import { issueRoomToken, moderateParticipant } from './service.ts';
import { currentRoomOf, socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { announcePresenceOf } from '../presence/socket.ts';
import { leaveGroupNotes } from '../notes/broadcast.ts';

const livekitRoutes: FastifyPluginAsyncZod = async (app) => {
  // A moderator taking a raised hand gives that person the word: promoted, at once, in LiveKit.
  app.realtime.onHandTaken(async (hand, { takenBy }) => {
    const room = await findRoomById(app.db, hand.roomId);
    if (!room) return;
    const taker = await loadActor(app.db, takenBy, room.eventId);
    await moderateParticipant(app.db, app.livekit, {
      actorId: takenBy,
      actorRole: taker.role,
      room,
      targetId: hand.person.id,
      action: 'promote',
    });
    await announcePresenceOf(app.realtime, room.eventId, hand.person.id);
  });

  /** The room and the caller's rights in its event; rooms of events one is not in do not exist. */
  async function roomAndActor(personId: string, roomId: string) {
    const room = await findRoomById(app.db, roomId);
    if (!room) throw notFound('Room');
    const actor = await loadActor(app.db, personId, room.eventId);
    if (actor.role === null) throw notFound('Room');
    return { room, actor };
  }

  app.post(
    '/api/rooms/:roomId/token',
    {
      schema: {
        tags: ['media'],
        summary: 'A LiveKit token for this room with the caller’s rights (10 minutes)',
        params: RoomIdParams,
        response: { 200: RoomToken },
      },
    },
    async (request) => {
      // Every joining browser asks for this right away: person, room, rights in one query.
      const secret = readSessionSecret(
        (v) => request.unsignCookie(v),
        request.cookies[SESSION_COOKIE],
      );
      const found = secret
        ? await findRoomActorBySession(app.db, secret, request.params.roomId)
        : null;
      if (!found) throw notSignedIn();
      if (!found.inRoom) throw notFound('Room');
      const { room, actor, standing } = found.inRoom;
      return issueRoomToken(app.livekit, found.person, actor, room, standing);
    },
  );

  app.post(
    '/api/rooms/:roomId/participants/:personId/:action',
    {
      schema: {
        tags: ['media'],
        summary: 'Moderate a participant: promote, demote, mute, remove, readmit',
        params: ParticipantActionParams,
        body: ModerationInput.optional(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const person = await request.requirePerson();
      const { roomId, personId, action } = request.params;
      const { room, actor } = await roomAndActor(person.personId, roomId);
      requireRight(
        can(actor, moderationRights[action], roomTarget(room)),
        `${action} participants in this room`,
      );
      if (personId === person.personId && action === 'remove') {
        throw new AppError('bad_request', 'You cannot remove yourself.');
      }
      await moderateParticipant(app.db, app.livekit, {
        actorId: person.personId,
        actorRole: actor.role,
        room,
        targetId: personId,
        action,
        source: request.body?.source,
      });
      if (action === 'remove' || action === 'readmit') {
        await placeSocketsAfterRemoval(app.realtime.io, personId, room.id, action);
        app.realtime.forgetRightsOf(personId);
      }
      // People lists offer "promote" or "demote" by this: they learn of the change at once.
      if (action === 'promote' || action === 'demote') {
        await announcePresenceOf(app.realtime, room.eventId, personId);
      }
      return { ok: true as const };
    },
  );
};

/**
 * The room's chat and hands follow the media: a removed person's sockets leave the room, and
 * return when re-admitted (only sockets that are in no other room, so nobody ends up in two).
 */
async function placeSocketsAfterRemoval(
  io: PlenumServer,
  personId: string,
  roomId: string,
  action: 'remove' | 'readmit',
) {
  if (action === 'remove') {
    io.in(socketRoom.person(personId)).socketsLeave(socketRoom.room(roomId));
    await leaveGroupNotes(io, personId, roomId);
    return;
  }
  for (const socket of await io.in(socketRoom.person(personId)).fetchSockets()) {
    if (currentRoomOf(socket.rooms) === null) socket.join(socketRoom.room(roomId));
  }
}

export default livekitRoutes;
