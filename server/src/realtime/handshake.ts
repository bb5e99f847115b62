import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { SocketAuth, type ErrorCode } from '@plenum/shared';
import { rooms } from '../db/schema/index.ts';
import { findEventBySlug, loadActor } from '../features/access/actor.ts';
import { findSession } from '../features/sessions/service.ts';
import { readSessionSecret, SESSION_COOKIE } from '../plugins/auth.ts';
import { roomOnConnect, socketRoom } from './rooms.ts';
import type { PlenumSocket } from './types.ts';

/** A refused handshake: the client's `connect_error` carries the message and `data.code`. */
export function refusal(code: ErrorCode, message: string) {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Socket.IO middleware: the origin must be ours, the signed session cookie valid (no token in the
 * URL), and the person a member of the event named in `auth.event`. Fills `socket.data`.
 */
export function authenticateHandshake(app: FastifyInstance, allowedOrigins: readonly string[]) {
  return async (socket: PlenumSocket, next: (err?: Error) => void) => {
    try {
      // Browsers always send Origin on cross-site sockets; clients without one are not browsers.
      const origin = socket.handshake.headers.origin;
      if (origin && !allowedOrigins.includes(origin)) {
        return next(refusal('forbidden', `Connections from origin ${origin} are not allowed.`));
      }
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const secret = readSessionSecret((v) => app.unsignCookie(v), cookies[SESSION_COOKIE]);
      const person = secret ? await findSession(app.db, secret) : null;
      if (!person) {
        return next(
          refusal('unauthenticated', 'Please join with your invitation link before connecting.'),
        );
      }
      const auth = SocketAuth.safeParse(socket.handshake.auth);
      if (!auth.success) {
        return next(
          refusal(
            'bad_request',
            'Name the event to connect to: io(url, { auth: { event: slug } }).',
          ),
        );
      }
      const event = await findEventBySlug(app.db, auth.data.event);
      const actor = event ? await loadActor(app.db, person.personId, event.id) : null;
      if (!event || !actor || actor.role === null) {
        return next(refusal('forbidden', 'You are not a member of this event.'));
      }
      const eventRooms = await app.db
        .select({ id: rooms.id, kind: rooms.kind })
        .from(rooms)
        .where(eq(rooms.eventId, event.id));
      const plenaryId = eventRooms.find((r) => r.kind === 'plenary')?.id;
      if (!plenaryId) return next(refusal('not_found', 'This event has no plenary.'));
      // Organizers steer every room, moderators the rooms they moderate.
      const steered = eventRooms
        .filter((r) => actor.role === 'organizer' || actor.moderatedRoomIds.has(r.id))
        .map((r) => socketRoom.mods(r.id));
      const startRoom = await roomOnConnect(app.db, actor, plenaryId);
      socket.data = {
        personId: person.personId,
        displayName: person.displayName,
        sessionId: person.sessionId,
        eventId: event.id,
        plenaryId,
        initialRooms: [
          socketRoom.event(event.id),
          socketRoom.person(person.personId),
          ...(startRoom ? [socketRoom.room(startRoom)] : []),
          ...steered,
        ],
      };
      next();
    } catch (err) {
      app.log.error({ err }, 'socket handshake failed');
      next(refusal('unavailable', 'Your session cannot be checked right now; please try again.'));
    }
  };
}
