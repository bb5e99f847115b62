import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { RedisClient } from './redis.ts';
import { PresenceBroadcaster } from '../features/presence/broadcast.ts';
import { onConnection } from '../realtime/connection.ts';
import { InFlight } from '../realtime/in-flight.ts';
import { EndedSessions } from '../realtime/recovery.ts';
import { forgetCachedRights } from '../realtime/on-event.ts';
import { authenticateHandshake, refusal } from '../realtime/handshake.ts';
import {
  FloodCooldown,
  memoryRateLimiter,
  PERSON_LIMITS,
  redisRateLimiter,
  type PersonLimits,
  type RateLimit,
} from '../realtime/rate-limit.ts';
import { SESSION_COOKIE } from './auth.ts';
import type { HandTakenListener, PlenumServer, Realtime } from '../realtime/types.ts';

export interface SocketIoOptions {
  /** Origins whose pages may open a socket: PUBLIC_URL's, plus Vite's in development. */
  allowedOrigins: string[];
  /** Chat messages, announcements and questions per person. */
  messageRateLimit?: RateLimit;
  /** Events and handshakes per person (default PERSON_LIMITS; tests ask far more than people). */
  personLimits?: PersonLimits;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The Socket.IO server and what the features share; see server/src/realtime/. */
    realtime: Realtime;
  }
}

/**
 * Socket.IO on the app's HTTP server. With Redis, the streams adapter connects the nodes (and
 * keeps sessions for connection state recovery); without, one node works alone.
 */
export default fp<SocketIoOptions>(
  async (app, opts) => {
    const prefix = app.redis ? await redisPrefix(app.db) : '';
    const adapterClients = app.redis ? await openAdapterClients(app.redis.client) : null;
    // A script that reconnects whatever it is told: beyond a few handshakes per session, the
    // upgrade is refused before Engine.IO or Socket.IO spend anything on it (no query, no socket).
    // A session in its flood cooldown gets through to be told why (below), still without a query.
    const personLimits = opts.personLimits ?? PERSON_LIMITS;
    const handshakes = memoryRateLimiter(personLimits.handshakes);
    const floodCooldown = new FloodCooldown(
      (header) => app.parseCookie(header ?? '')[SESSION_COOKIE],
    );
    const io: PlenumServer = new Server(app.server, {
      allowRequest: (req, allow) => {
        const session = app.parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
        if (!session || floodCooldown.holds(req.headers.cookie)) return allow(null, true);
        void handshakes.hit(session).then((ok) => allow(ok ? null : 'rate_limited', ok));
      },
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      cors: { origin: opts.allowedOrigins, credentials: true },
      // Skipping the (async) handshake on recovery matters: broadcasts sent while it ran would be
      // neither replayed nor delivered. The session was checked at most two minutes earlier.
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
      ...(adapterClients && {
        adapter: createAdapter(adapterClients.publisher, {
          streamName: `${prefix}socket.io`,
          channelPrefix: `${prefix}socket.io`,
          sessionKeyPrefix: `${prefix}sio:session:`,
        }),
      }),
    });

    const limit = opts.messageRateLimit ?? { max: 5, windowMs: 5_000 };
    const handTakenListeners = new Set<HandTakenListener>();
    const realtime: Realtime = {
      io,
      db: app.db,
      log: app.log.child({ component: 'socket.io' }),
      messageLimiter: app.redis
        ? redisRateLimiter(app.redis.client, limit, `${prefix}rate:messages:`)
        : memoryRateLimiter(limit),
      messageLimit: limit,
      eventBudget: app.redis
        ? redisRateLimiter(app.redis.client, personLimits.events, `${prefix}rate:events:`)
        : memoryRateLimiter(personLimits.events),
      reads: new InFlight(),
      presence: new PresenceBroadcaster(io),
      sessionActivity: app.sessionActivity,
      floodCooldown,
      closing: false,
      pendingTasks: new Set(),
      handTakenListeners,
      onHandTaken(listener) {
        handTakenListeners.add(listener);
        return () => handTakenListeners.delete(listener);
      },
      forgetRightsOf(personId) {
        forgetCachedRights(io, personId);
        // The in-memory adapter has no other nodes (and warns when asked to reach them).
        if (adapterClients) io.serverSideEmit('rights:stale', personId);
      },
      endedSessions: new EndedSessions(),
      endSession(sessionId) {
        realtime.endedSessions.add(sessionId);
        if (adapterClients) io.serverSideEmit('session:ended', sessionId);
      },
      // Until a feature says otherwise (the phases plugin does), everyone belongs in the plenary.
      placeOf: async () => null,
      socketHandlers: [],
    };

    if (adapterClients) resyncWhenRedisReturns(adapterClients.publisher, io);
    io.on('rights:stale', (personId) => forgetCachedRights(io, personId));
    io.on('session:ended', (sessionId) => realtime.endedSessions.add(sessionId));
    // Before the handshake's database work: that is what a reconnecting flooder would cost.
    io.use((socket, next) =>
      realtime.floodCooldown.holds(socket.handshake.headers.cookie)
        ? next(
            refusal(
              'rate_limited',
              'This session sent too many messages; please wait a moment before connecting again.',
            ),
          )
        : next(),
    );
    io.use(authenticateHandshake(app, opts.allowedOrigins));
    io.on('connection', (socket) => onConnection(realtime, socket));
    app.decorate('realtime', realtime);

    // preClose, not onClose: open websockets would keep the HTTP server from closing.
    app.addHook('preClose', async () => {
      realtime.closing = true;
      await Promise.race([Promise.allSettled(realtime.pendingTasks), delay(2000)]);
      realtime.presence.close();
      await io.close();
      await adapterClients?.close();
    });
  },
  { name: 'socket-io', dependencies: ['db', 'auth', 'redis'] },
);

/**
 * Redis keys and channels are scoped by database: the nodes of one deployment share a database,
 * and two deployments (or test runs) sharing one Redis never hear each other.
 */
async function redisPrefix(db: Db) {
  const result = await db.execute(sql`select current_database() as name`);
  const [row] = (result as unknown as { rows: { name: string }[] }).rows;
  return `plenum:${row?.name ?? 'default'}:`;
}

/**
 * The adapter gets a client of its own (the docs' requirement: it blocks on XREAD and
 * subscribes) and duplicates it for reading and subscribing. We keep hold of every duplicate so
 * that closing the app closes them instead of leaving a blocked XREAD behind.
 */
async function openAdapterClients(base: RedisClient) {
  // While Redis is away a publish fails at once instead of waiting in the offline queue: the
  // adapter delivers to this node's own sockets only after its publish settles.
  const publisher = base.duplicate({ disableOfflineQueue: true });
  const spawned: RedisClient[] = [publisher];
  const duplicate = publisher.duplicate.bind(publisher);
  publisher.duplicate = ((overrides?: Parameters<RedisClient['duplicate']>[0]) => {
    // The readers keep the queue: the adapter re-issues a failed XREAD at once, without a pause.
    const client = duplicate({ ...overrides, disableOfflineQueue: false });
    spawned.push(client as RedisClient);
    return client;
  }) as RedisClient['duplicate'];
  publisher.on('error', () => {
    // The app's own client logs Redis trouble; one line per blip is enough.
  });
  // The adapter stores a dropped socket's session for recovery with a SET whose promise nobody
  // awaits (persistSession): with Redis slow or away that was an unhandled rejection, which ends
  // the node. The adapter uses SET for nothing else; a session not stored only means that client
  // reconnects without recovery and catches up from Postgres (socket:resync), as after a restart.
  const set = publisher.set.bind(publisher);
  Object.assign(publisher, {
    set: (...args: Parameters<RedisClient['set']>) => set(...args).catch(() => null),
  });
  await publisher.connect();
  return {
    publisher,
    close: async () => {
      await Promise.all(
        spawned.map(async (client) => {
          // The stream reader sits in a blocking XREAD: cut it. The others may have commands in
          // flight (a publish) that must settle, or they reject into nobody's hands.
          const blocked = client !== publisher && !client.isPubSubActive;
          if (!blocked) await Promise.race([client.close().catch(() => {}), delay(1000)]);
          client.destroy();
        }),
      );
    },
  };
}

/**
 * The streams adapter drops what is published while Redis is away, so the other nodes' clients
 * never get it live (it is stored, though). When this node's link is back, every client, on every
 * node, is told to catch up from the database as after a reconnect.
 */
function resyncWhenRedisReturns(publisher: RedisClient, io: PlenumServer) {
  let lost = false;
  publisher.on('reconnecting', () => (lost = true));
  publisher.on('ready', () => {
    if (!lost) return;
    lost = false;
    io.emit('socket:resync', { reason: 'nodes_reconnected' });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
