import { can, type SocketClosed } from '@plenum/shared';
import { loadActor } from '../features/access/actor.ts';
import { mayBeInRoom } from '../features/access/room-access.ts';
import { findRoomById } from '../features/rooms/repository.ts';
import { isSessionLive } from '../features/sessions/service.ts';
import { AppError } from '../lib/app-error.ts';
import type { PlenumSocket, Realtime } from './types.ts';

/**
 * Connection state recovery skips the handshake (socket-io.ts says why) and gives a socket back
 * the rooms it had. What changed while it was away — a logout, an expired session, a moderator's
 * removal, a lost membership or moderation — is checked here: the session first, then every
 * restored room. Until that is done the socket's events wait (see `mayAct`).
 */
const rechecks = new WeakMap<PlenumSocket, Promise<'ok' | 'closed' | 'unchecked'>>();

/** Starts the check of a recovered socket. */
export function recheckRecovered(rt: Realtime, socket: PlenumSocket) {
  rechecks.set(socket, runRecheck(rt, socket));
}

async function runRecheck(rt: Realtime, socket: PlenumSocket) {
  try {
    return (await recheck(rt, socket)) ? 'ok' : 'closed';
  } catch (err) {
    // Nothing could be checked (the database is away): the socket stays, but may not act on
    // rights nobody checked; its next event tries again.
    rt.log.warn({ err }, 'recovered socket could not be checked again');
    return 'unchecked';
  }
}

/**
 * Waits for a recovered socket's check (nothing to wait for on any other socket); throws when the
 * socket may not act.
 */
export async function mayAct(rt: Realtime, socket: PlenumSocket): Promise<void> {
  const pending = rechecks.get(socket);
  if (!pending) return;
  const result = await pending;
  if (result === 'ok') return void rechecks.delete(socket);
  if (result === 'closed') {
    throw new AppError('unauthenticated', 'Your session has ended; please sign in again.');
  }
  if (rechecks.get(socket) === pending) rechecks.set(socket, runRecheck(rt, socket));
  throw new AppError('unavailable', 'Your session cannot be checked right now; please try again.');
}

async function recheck(rt: Realtime, socket: PlenumSocket): Promise<boolean> {
  const { sessionId, personId, eventId } = socket.data;
  const [live, actor] = await Promise.all([
    isSessionLive(rt.db, sessionId),
    loadActor(rt.db, personId, eventId),
  ]);
  if (!live || actor.role === null) {
    closeWithNotice(rt, socket, {
      reason: 'session_ended',
      message: live
        ? 'You are no longer a member of this event.'
        : 'Your session has ended; please sign in again with your invitation link.',
    });
    return false;
  }
  const steersAll = can(actor, 'room.manage', { eventId });
  for (const name of [...socket.rooms]) {
    const [kind, roomId] = name.split(':', 2);
    if (kind === 'mods' && !(steersAll || actor.moderatedRoomIds.has(roomId!))) {
      void socket.leave(name);
    } else if (kind === 'room') {
      const room = await findRoomById(rt.db, roomId!);
      if (!room || !(await mayBeInRoom(rt.db, actor, room))) void socket.leave(name);
    }
  }
  return true;
}

/** Tells the socket why, then closes it (straight to it: it lives on this node). */
export function closeWithNotice(rt: Realtime, socket: PlenumSocket, notice: SocketClosed) {
  rt.io.local.to(socket.id).emit('socket:closed', notice);
  socket.disconnect(true);
}

/**
 * Sessions that ended lately (logout), heard from every node. A handshake that read the session
 * just before it was revoked connects just after the logout closed the person's sockets; it is
 * closed when it arrives. Kept as long as a connection may be recovered.
 */
export class EndedSessions {
  private until = new Map<string, number>();

  constructor(private readonly ms = 2 * 60_000) {}

  add(sessionId: string, now = Date.now()) {
    for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
    this.until.set(sessionId, now + this.ms);
  }

  has(sessionId: string, now = Date.now()): boolean {
    return (this.until.get(sessionId) ?? 0) > now;
  }
}
