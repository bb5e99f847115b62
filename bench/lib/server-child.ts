/**
 * The server child's side of a benchmark: IPC with the driver, the real app (buildApp) on a
 * throwaway Postgres database, and people with sessions inserted in bulk (redeeming 1000
 * invitations would measure the wrong thing). Imported only by bench/*.server.ts. The app is
 * imported lazily so that a bare baseline server does not carry its modules.
 */
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@plenum/shared';

type Message = { type: string } & Record<string, unknown>;
type Handler = (msg: Message) => Promise<Message>;

let stopper: () => Promise<void> = async () => {};
const handlers = new Map<string, Handler>([
  // The monotonic clock V8's CPU profiles use (µs): lets a profile be cut to the measured window.
  ['mark', async () => ({ type: 'mark', us: Number(process.hrtime.bigint() / 1000n) })],
]);

/** Sends a message to the driver. */
export const send = (msg: Message) => process.send?.(msg);

/**
 * Wires the child to its driver: `stop` (or a lost driver) stops the server and exits, typed
 * requests are answered by their handler, and a start-up failure is reported, not swallowed.
 */
export async function runChild(start: (mode: string) => Promise<void>) {
  process.on('message', (msg: string | Message) => {
    if (msg === 'stop') {
      void stopper().finally(() => process.exit(0));
      return;
    }
    if (typeof msg === 'object') {
      const handler = handlers.get(msg.type);
      if (handler)
        void handler(msg).then(send, (err: Error) => send({ type: 'error', message: err.stack }));
    }
  });
  process.on('disconnect', () => void stopper().finally(() => process.exit(0)));
  try {
    await start(process.argv[2] ?? '');
  } catch (err) {
    send({ type: 'error', message: (err as Error).stack ?? String(err) });
    process.exit(1);
  }
}

export function onStop(fn: () => Promise<void>) {
  stopper = fn;
}

/** Answers `{ type }` requests from the driver with whatever `handler` returns. */
export function answer(type: string, handler: Handler) {
  handlers.set(type, handler);
}

/** Memory after a full collection (the child runs with --expose-gc), in bytes. */
export function memoryNow() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

const livekitFromDriver = () => {
  const raw = process.env.BENCH_LIVEKIT;
  // Without a LiveKit the app still builds; only what calls LiveKit would fail.
  return raw
    ? (JSON.parse(raw) as { url: string; apiKey: string; apiSecret: string })
    : { url: 'ws://127.0.0.1:9', apiKey: 'bench', apiSecret: randomBytes(32).toString('hex') };
};

/** The real app on a fresh database with one event; stopping drops the database. */
export async function startPlenum(opts: { authRateLimit?: number } = {}) {
  const { buildApp } = await import('../../server/src/app.ts');
  const { loadConfig } = await import('../../server/src/config.ts');
  const { createTestDatabase } = await import('../../server/src/test/database.ts');
  const { randomToken } = await import('../../server/src/lib/tokens.ts');
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://127.0.0.1:3999',
    PLENUM_DATA_DIR: '.data/bench',
    // As the operator sets it; unset, the server's default.
    LISTEN_SOCKETS: process.env.LISTEN_SOCKETS,
  });
  let app: FastifyInstance;
  try {
    app = await buildApp(config, {
      sessionSecret: randomToken(32),
      livekit: livekitFromDriver(),
      clientDist: null,
      authRateLimit: opts.authRateLimit,
    });
  } catch (err) {
    await database.drop();
    throw err;
  }
  onStop(async () => {
    await app.close();
    await database.drop();
  });
  // As the server starts (runtime.ts): the join path warmed on every pooled connection.
  const { warmJoinPath } = await import('../../server/src/features/access/warm-up.ts');
  await warmJoinPath(app.db, config.dbPoolMax);
  return {
    app,
    listenSockets: config.listenSockets,
    ...(await createBenchEvent(app, 'Bench')),
  };
}

/** One event starting now, for a day, and the id of its plenary. */
export async function createBenchEvent(app: FastifyInstance, title: string) {
  const { createEvent } = await import('../../server/src/features/events/service.ts');
  const { randomToken } = await import('../../server/src/lib/tokens.ts');
  const { rooms } = await import('../../server/src/db/schema/index.ts');
  const { and, eq } = await import('drizzle-orm');
  const event = await createEvent(
    app.db,
    {
      slug: `bench-${randomToken(4)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`,
      title,
      description: '',
      timeZone: 'Europe/Berlin',
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    null,
  );
  const [plenary] = await app.db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.eventId, event.id), eq(rooms.kind, 'plenary')));
  return { event, plenaryId: plenary!.id };
}

/** People, memberships and sessions in bulk; returns their ids and signed session cookies. */
export async function addMembers(app: FastifyInstance, eventId: string, count: number, role: Role) {
  const { hashToken, randomToken } = await import('../../server/src/lib/tokens.ts');
  const { memberships, people, sessions } = await import('../../server/src/db/schema/index.ts');
  const personIds: string[] = [];
  const cookies: string[] = [];
  for (let offset = 0; offset < count; offset += 500) {
    const batch = Array.from({ length: Math.min(500, count - offset) }, (_, i) => ({
      id: crypto.randomUUID(),
      displayName: `${role === 'attendee' ? 'Gast' : role} ${offset + i + 1}`,
    }));
    await app.db.insert(people).values(batch);
    await app.db.insert(memberships).values(batch.map((p) => ({ eventId, personId: p.id, role })));
    const secrets = batch.map(() => randomToken(32));
    await app.db.insert(sessions).values(
      batch.map((p, i) => ({
        personId: p.id,
        tokenHash: hashToken(secrets[i]!),
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    );
    personIds.push(...batch.map((p) => p.id));
    cookies.push(...secrets.map((s) => `plenum_session=${encodeURIComponent(app.signCookie(s))}`));
  }
  return { personIds, cookies };
}

export async function listenOnLoopback(app: FastifyInstance, sockets = 1) {
  // As the server listens (lib/listen.ts): one socket, or several sharing the port where Node can.
  const { listenOnSharedPort } = await import('../../server/src/lib/listen.ts');
  await listenOnSharedPort(app, { port: 0, host: '127.0.0.1', sockets });
  return (app.server.address() as AddressInfo).port;
}
