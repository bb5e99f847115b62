/**
 * The server side of bench/multi-node.ts: one Plenum node per child process (a core each, as two
 * machines would have), the real app (buildApp) on one Postgres database.
 * `single`: a node alone, no Redis, on a throwaway database with N attendees.
 * `first`: the same with REDIS_URL (the Socket.IO streams adapter and shared rate limits); it
 * owns the database and drops it, and its Redis keys, when it stops.
 * `second`: another node with REDIS_URL on the first node's database (BENCH_DATABASE_URL).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  addMembers,
  createBenchEvent,
  listenOnLoopback,
  onStop,
  runChild,
  send,
} from './lib/server-child.ts';
import { countWork } from './lib/work-counters.ts';

const attendees = Number(process.argv[3] ?? 1000);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';
// Both nodes sign and read the same session cookies, as a deployment's nodes do.
const sessionSecret = process.env.BENCH_SESSION_SECRET ?? randomBytes(32).toString('hex');

await runChild(async (mode) => {
  countWork({ sql: true });
  if (mode === 'single') return startOwner(null);
  if (mode === 'first') return startOwner(redisUrl);
  if (mode === 'second') return startSecond();
  throw new Error(`unknown mode ${mode}`);
});

async function buildNode(databaseUrl: string, redis: string | null) {
  const { buildApp } = await import('../server/src/app.ts');
  const { loadConfig } = await import('../server/src/config.ts');
  const livekit = JSON.parse(process.env.BENCH_LIVEKIT ?? 'null') as {
    url: string;
    apiKey: string;
    apiSecret: string;
  } | null;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: 'http://127.0.0.1:3999',
    PLENUM_DATA_DIR: '.data/bench',
    ...(redis && { REDIS_URL: redis }),
  });
  return buildApp(config, {
    sessionSecret,
    livekit: livekit ?? { url: 'ws://127.0.0.1:9', apiKey: 'bench', apiSecret: sessionSecret },
    clientDist: null,
  });
}

/** The node that creates the database, the event and the people. */
async function startOwner(redis: string | null) {
  const { createTestDatabase } = await import('../server/src/test/database.ts');
  const database = await createTestDatabase();
  let app: FastifyInstance;
  try {
    app = await buildNode(database.url, redis);
  } catch (err) {
    await database.drop();
    throw err;
  }
  onStop(async () => {
    await app.close();
    // The adapter's stream and sessions would stay in Redis: this run's prefix only.
    if (redis) await cleanRedis(redis, `plenum:${new URL(database.url).pathname.slice(1)}:`);
    await database.drop();
  });
  const { event, plenaryId } = await createBenchEvent(app, 'Bench');
  const { cookies } = await addMembers(app, event.id, attendees, 'attendee');
  const port = await listenOnLoopback(app);
  send({
    type: 'ready',
    port,
    cookies,
    slug: event.slug,
    roomId: plenaryId,
    databaseUrl: database.url,
  });
}

async function startSecond() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('the second node needs BENCH_DATABASE_URL');
  const app = await buildNode(databaseUrl, redisUrl);
  onStop(() => app.close());
  const port = await listenOnLoopback(app);
  send({ type: 'ready', port, cookies: [], slug: '', roomId: '', databaseUrl });
}

async function cleanRedis(url: string, prefix: string) {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  await client.connect();
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(keys);
  await client.close();
}
