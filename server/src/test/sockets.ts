import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEventName,
  ClientEventPayload,
  ClientEventReply,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@plenum/shared';
import type { Member } from './fixtures.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const WAIT_MS = 5_000;

/** Listens on a free loopback port; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

export interface SocketOptions {
  cookie?: string;
  event?: string;
  origin?: string;
  /** Reconnect by itself after a lost connection (for connection state recovery). */
  reconnect?: boolean;
}

/** A real socket.io-client, not yet connected; Inbox records everything it receives. */
export function openSocket(url: string, opts: SocketOptions): ClientSocket {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  return io(url, {
    transports: ['websocket'],
    forceNew: true,
    autoConnect: false,
    reconnection: opts.reconnect ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    extraHeaders: headers,
    auth: opts.event ? { event: opts.event } : {},
  });
}

/** Connects and resolves once connected; rejects with the server's refusal. */
export function connect(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timed out')), WAIT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.connect();
  });
}

/** A member's socket, connected to the event, with an inbox of everything it receives. */
export async function connectAs(url: string, member: Member, slug: string) {
  const socket = openSocket(url, { cookie: member.cookie, event: slug });
  const inbox = new Inbox(socket);
  await connect(socket);
  return { socket, inbox };
}

/** Sends a client event and waits for its ack. */
export async function ask<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientEventPayload<E>,
): Promise<Ack<ClientEventReply<E>>> {
  const timed = socket.timeout(WAIT_MS);
  const emit = timed.emitWithAck.bind(timed) as (
    ev: string,
    ...args: unknown[]
  ) => Promise<Ack<ClientEventReply<E>>>;
  return emit(event, payload);
}

/** Like ask, for a successful ack: fails the test with the server's error otherwise. */
export async function ok<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientEventPayload<E>,
): Promise<{ ok: true } & ClientEventReply<E>> {
  const ack = await ask(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

interface Received {
  event: string;
  payload: unknown;
}

/**
 * Everything a socket received, in order. Waiting looks at what already arrived first, so a test
 * never misses an event that came before it started waiting.
 */
export class Inbox {
  readonly received: Received[] = [];
  private waiters: Array<() => void> = [];

  constructor(socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      for (const wake of this.waiters) wake();
    });
  }

  /** Payloads of one event received so far. */
  all<E extends keyof ServerToClientEvents>(event: E): Parameters<ServerToClientEvents[E]>[0][] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload as never);
  }

  /** Waits for the first event of that name (and matching `match`), with a timeout. */
  waitFor<E extends keyof ServerToClientEvents>(
    event: E,
    match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  ): Promise<Parameters<ServerToClientEvents[E]>[0]> {
    const find = () =>
      this.received.find((r) => r.event === event && match(r.payload as never))?.payload as
        Parameters<ServerToClientEvents[E]>[0] | undefined;
    return new Promise((resolve, reject) => {
      const found = find();
      if (found !== undefined) return resolve(found);
      const wake = () => {
        const hit = find();
        if (hit === undefined) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${event} within ${WAIT_MS} ms`));
      }, WAIT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== wake);
      };
      this.waiters.push(wake);
    });
  }

  /** Index of the first matching event, or -1. */
  indexOf(event: string, match: (payload: never) => boolean = () => true): number {
    return this.received.findIndex((r) => r.event === event && match(r.payload as never));
  }
}

/** Emits anything, bypassing the typed event map: for malformed payloads. */
export function askRaw(socket: ClientSocket, event: string, ...args: unknown[]) {
  const timed = socket.timeout(WAIT_MS);
  return (
    timed.emitWithAck.bind(timed) as (
      ev: string,
      ...a: unknown[]
    ) => Promise<{
      ok: boolean;
      error?: { code: string; message: string };
    }>
  )(event, ...args);
}

export const closeAll = (...sockets: ClientSocket[]) => {
  for (const s of sockets) s.disconnect();
};
