import type { z } from 'zod';
import {
  can,
  type AckError,
  type Actor,
  type ClientEventName,
  type ClientEventReply,
  type EventAction,
  type RoomAction,
} from '@plenum/shared';
import { loadActors } from '../features/access/actor.ts';
import { findRoom, type RoomRow } from '../features/rooms/repository.ts';
import { AppError, databaseUnavailable, unstorableInput } from '../lib/app-error.ts';
import { GroupCommit } from '../lib/group-commit.ts';
import { FloodGuard } from './rate-limit.ts';
import { mayBeInRoom, roomTarget, socketRoom } from './rooms.ts';
import { mayAct } from './recovery.ts';
import type { PlenumServer, PlenumSocket, Realtime } from './types.ts';

/** What a handler gets besides its validated payload. */
export interface EventContext {
  rt: Realtime;
  socket: PlenumSocket;
  actor: Actor;
  eventId: string;
  person: { id: string; displayName: string };
  /** A room of this event the person may be in; otherwise not_found / forbidden. */
  room(roomId: string): Promise<RoomRow>;
  /** Throws forbidden unless `can(actor, action, room)`. */
  requireInRoom(action: RoomAction, room: RoomRow, what: string): void;
  requireInEvent(action: EventAction, what: string): void;
  /** Counts one chat message or question against the person's rate limit. */
  limitMessages(): Promise<void>;
}

const guards = new WeakMap<PlenumSocket, FloodGuard>();

/** The events limitMessages counts: a socket checks its own share first, before any query. */
const MESSAGE_EVENTS: ReadonlySet<ClientEventName> = new Set<ClientEventName>([
  'chat:send',
  'chat:announce',
  'question:ask',
]);
const tooQuickly = () =>
  new AppError('rate_limited', 'You are sending messages too quickly; please wait a few seconds.');

/** One guard per socket; when it trips, the socket is told why and disconnected. */
function guardOf(rt: Realtime, socket: PlenumSocket): FloodGuard {
  let guard = guards.get(socket);
  if (!guard) {
    guard = new FloodGuard(() => {
      rt.log.warn({ personId: socket.data.personId }, 'socket disconnected for flooding');
      // Straight to this socket, which lives on this node: through the Redis adapter the notice
      // would go out only after the round trip, and the socket would be gone by then.
      rt.io.local.to(socket.id).emit('socket:flooded', {
        message: 'Too many messages in a short time; this connection was closed.',
      });
      rt.floodCooldown.start(socket.handshake.headers.cookie);
      socket.disconnect(true);
    });
    guards.set(socket, guard);
  }
  return guard;
}

/**
 * Registers a client event: validates the payload with its shared schema, loads the actor,
 * checks membership, runs the handler and acknowledges `{ ok: true, ...reply }` or
 * `{ ok: false, error }`. Never throws into Socket.IO. An event without an ack callback is
 * ignored: every client event must be acknowledged.
 */
export function onEvent<E extends ClientEventName, S extends z.ZodType>(
  rt: Realtime,
  socket: PlenumSocket,
  name: E,
  schema: S,
  handler: (input: z.output<S>, ctx: EventContext) => Promise<ClientEventReply<E>>,
) {
  const guard = guardOf(rt, socket);
  const answer = async (...args: unknown[]) => {
    const ack = args.at(-1);
    // No ack, or the socket was thrown out while this waited (a flood's tail): nothing to do.
    if (typeof ack !== 'function' || socket.disconnected) return;
    const reply = (body: object) => {
      try {
        ack(body);
      } catch (err) {
        rt.log.warn({ err, event: name }, 'ack callback failed');
      }
    };
    try {
      // A stopping node finishes what it began but starts nothing new: the client sends it again
      // after reconnecting, to this node when it is back or to another one.
      if (rt.closing) {
        throw new AppError('unavailable', 'The server is restarting; please try again shortly.');
      }
      if (!guard.allowEvent()) {
        throw new AppError('rate_limited', 'Too many requests; please slow down.');
      }
      // All of a person's connections together, on every node: many sockets buy no more.
      if (!(await rt.eventBudget.hit(socket.data.personId))) {
        throw new AppError('rate_limited', 'Too many requests from all your windows; please wait.');
      }
      const parsed = schema.safeParse(args.length > 1 ? args[0] : undefined);
      if (!parsed.success) throw validationError(parsed.error);
      if (MESSAGE_EVENTS.has(name) && !guard.allowMessage(rt.messageLimit)) throw tooQuickly();
      await mayAct(rt, socket);
      const ctx = await contextFor(rt, socket, roomIdOf(parsed.data));
      reply({ ok: true, ...(await handler(parsed.data, ctx)) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'rate_limited') guard.noteRefusal();
      reply({ ok: false, error: toAckError(rt, name, err) });
    }
  };
  // Tracked so that a closing node answers every event it has begun before it drops the sockets:
  // a message stored but never acknowledged would look lost to its sender.
  const listener = (...args: unknown[]) => {
    const task = answer(...args).finally(() => rt.pendingTasks.delete(task));
    rt.pendingTasks.add(task);
  };
  socket.on(name, listener as never);
}

/**
 * Rights change rarely (an organizer edits roles or moderators), messages arrive often: a socket
 * reuses its actor for ACTOR_TTL_MS. A changed role takes effect within that time. Events of one
 * socket that arrive together share one load, and loads of many sockets that arrive together
 * (everyone answering at once) are one statement (`loadActors`), not two each.
 */
const ACTOR_TTL_MS = 2_000;
const actors = new WeakMap<PlenumSocket, { actor: Promise<Actor>; at: number }>();
const actorLoaders = new WeakMap<Realtime, GroupCommit<ActorKey, Actor>>();
type ActorKey = { personId: string; eventId: string };

/**
 * Drops the actors this node's sockets of a person cached, so that their next event reads the
 * rights afresh: called on every node after a logout or a moderator's removal (socket-io.ts).
 */
export function forgetCachedRights(io: PlenumServer, personId: string) {
  const nsp = io.of('/');
  for (const id of nsp.adapter.rooms.get(socketRoom.person(personId)) ?? []) {
    const socket = nsp.sockets.get(id);
    if (socket) actors.delete(socket);
  }
}

function actorOf(rt: Realtime, socket: PlenumSocket): Promise<Actor> {
  const cached = actors.get(socket);
  if (cached && Date.now() - cached.at < ACTOR_TTL_MS) return cached.actor;
  let loader = actorLoaders.get(rt);
  if (!loader) {
    loader = new GroupCommit((keys: ActorKey[]) => loadActors(rt.db, keys), { maxBatch: 500 });
    actorLoaders.set(rt, loader);
  }
  const { personId, eventId } = socket.data;
  const entry = { actor: loader.submit({ personId, eventId }), at: Date.now() };
  actors.set(socket, entry);
  // A failed load is not kept: the next event tries again.
  entry.actor.catch(() => actors.get(socket) === entry && actors.delete(socket));
  return entry.actor;
}

/** Payloads that name a room: its lookup runs alongside the actor's, saving a round trip. */
const roomIdOf = (payload: unknown) =>
  typeof (payload as { roomId?: unknown })?.roomId === 'string'
    ? (payload as { roomId: string }).roomId
    : undefined;

async function contextFor(
  rt: Realtime,
  socket: PlenumSocket,
  namedRoomId: string | undefined,
): Promise<EventContext> {
  const { personId, eventId, displayName } = socket.data;
  rt.sessionActivity.seen(socket.data.sessionId);
  const [actor, namedRoom] = await Promise.all([
    actorOf(rt, socket),
    // Everyone writing in the plenary at once asks for the same room: one query for all of them.
    namedRoomId
      ? rt.reads
          .run(`room:${eventId}:${namedRoomId}`, () => findRoom(rt.db, eventId, namedRoomId))
          .catch((err: Error) => err)
      : undefined,
  ]);
  if (!can(actor, 'event.view', { eventId })) {
    throw new AppError('forbidden', 'You are no longer a member of this event.');
  }
  return {
    rt,
    socket,
    actor,
    eventId,
    person: { id: personId, displayName },
    async room(roomId) {
      const found = roomId === namedRoomId ? namedRoom : await findRoom(rt.db, eventId, roomId);
      if (found instanceof Error) throw found;
      const room = found!;
      // Being in the room's Socket.IO room means the server put the person there.
      const placedThere = socket.rooms.has(socketRoom.room(room.id));
      if (!placedThere && !(await mayBeInRoom(rt.db, actor, room))) {
        throw new AppError('forbidden', 'You are not in this room.');
      }
      return room;
    },
    requireInRoom(action, room, what) {
      if (!can(actor, action, roomTarget(room))) {
        throw new AppError('forbidden', `Your role in this room does not allow you to ${what}.`);
      }
    },
    requireInEvent(action, what) {
      if (!can(actor, action, { eventId })) {
        throw new AppError('forbidden', `Your role in this event does not allow you to ${what}.`);
      }
    },
    async limitMessages() {
      if (!(await rt.messageLimiter.hit(personId))) throw tooQuickly();
    },
  };
}

function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'payload';
    fields[path] ??= issue.message;
  }
  const list = Object.entries(fields)
    .map(([k, m]) => `${k}: ${m}`)
    .join('; ');
  return new AppError('validation_failed', `Invalid input — ${list}`, 400, fields);
}

function toAckError(rt: Realtime, event: string, err: unknown): AckError {
  if (err instanceof AppError) {
    return err.fields
      ? { code: err.code, message: err.message, fields: err.fields }
      : { code: err.code, message: err.message };
  }
  const unstorable = unstorableInput(err);
  if (unstorable) return { code: unstorable.code, message: unstorable.message };
  const unavailable = databaseUnavailable(err);
  if (unavailable) return { code: unavailable.code, message: unavailable.message };
  rt.log.error({ err, event }, 'socket handler failed');
  return { code: 'internal', message: 'Something went wrong on our side.' };
}
