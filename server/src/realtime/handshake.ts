import type { FastifyInstance } from 'fastify';
import { can, SocketAuth, type ErrorCode } from '@plenum/shared';
import { findEventMemberBySession } from '../features/access/signed-in.ts';
import { findSession } from '../features/sessions/service.ts';
import { readSessionSecret, SESSION_COOKIE } from '../plugins/auth.ts';
import { socketRoom } from './rooms.ts';
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
      const auth = SocketAuth.safeParse(socket.handshake.auth);
      // One query answers everything below (a thousand people may be connecting at once).
      const found =
        secret && auth.success
          ? await findEventMemberBySession(app.db, secret, auth.data.event)
          : null;
      const signedIn = found ? found.person : secret ? await findSession(app.db, secret) : null;
      if (!signedIn) {
        return next(
          refusal('unauthenticated', 'Please join with your invitation link before connecting.'),
        );
      }
      app.sessionActivity.seen(signedIn.sessionId);
      if (!auth.success) {
        return next(
          refusal(
            'bad_request',
            'Name the event to connect to: io(url, { auth: { event: slug } }).',
          ),
        );
      }
      const member = found?.member;
      if (!member) return next(refusal('forbidden', 'You are not a member of this event.'));
      const { actor, eventRooms } = member;
      const plenaryId = eventRooms.find((r) => r.kind === 'plenary')?.id;
      if (!plenaryId) return next(refusal('not_found', 'This event has no plenary.'));
      // Organizers steer every room, moderators the rooms they moderate.
      const steersAny = can(actor, 'room.steerAny', { eventId: actor.eventId });
      const steered = eventRooms
        .filter((r) => steersAny || actor.moderatedRoomIds.has(r.id))
        .map((r) => socketRoom.mods(r.id));
      // As roomOnConnect: the group while a phase is open, else the plenary; none if removed.
      const placed = member.groupNow ?? plenaryId;
      const startRoom = member.removedRoomIds.has(placed) ? null : placed;
      socket.data = {
        personId: signedIn.personId,
        displayName: signedIn.displayName,
        sessionId: signedIn.sessionId,
        connectedAt: Date.now(),
        eventId: actor.eventId,
        role: actor.role,
        plenaryId,
        initialRooms: [
          socketRoom.event(actor.eventId),
          socketRoom.person(signedIn.personId),
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
