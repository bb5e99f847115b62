/**
 * The server side of bench/join-throughput.ts: one Plenum node per child process, every node of a
 * setup on one throwaway database and this machine's Redis (as a deployment's nodes share them),
 * the per-IP auth limit lifted, the driver's LiveKit.
 * `first`: creates the database, the event and one invitation link (maxUses = the joins to come);
 * drops the database and the run's Redis keys when it stops.
 * `second`: another node on the first one's database (BENCH_DATABASE_URL).
 * Both use Redis also when a setup has only the first node, so that one and two nodes differ only
 * in the number of nodes.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createBenchEvent, listenOnLoopback, onStop, runChild, send } from './lib/server-child.ts';
import { buildNode, cleanRedis } from './lib/plenum-node.ts';
import { countWork } from './lib/work-counters.ts';

const uses = Number(process.argv[3] ?? 1000);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';
const node = {
  sessionSecret: process.env.BENCH_SESSION_SECRET ?? randomBytes(32).toString('hex'),
  authRateLimit: 1_000_000,
};

await runChild(async (mode) => {
  countWork({ sql: true });
  if (mode === 'first') return startFirst();
  if (mode === 'second') return startSecond();
  throw new Error(`unknown mode ${mode}`);
});

async function startFirst() {
  const { createTestDatabase } = await import('../server/src/test/database.ts');
  const { createInvitation } = await import('../server/src/features/invitations/service.ts');
  const database = await createTestDatabase();
  let app: FastifyInstance;
  try {
    app = await buildNode(database.url, redisUrl, node);
  } catch (err) {
    await database.drop();
    throw err;
  }
  onStop(async () => {
    await app.close();
    await cleanRedis(redisUrl, database.url);
    await database.drop();
  });
  const { event, plenaryId } = await createBenchEvent(app, 'Bench');
  const { token } = await createInvitation(
    app.db,
    event.id,
    { role: 'attendee', label: 'Bench', maxUses: uses, expiresAt: null },
    null,
  );
  const port = await listenOnLoopback(app);
  send({
    type: 'ready',
    port,
    slug: event.slug,
    plenaryId,
    link: token,
    databaseUrl: database.url,
  });
}

async function startSecond() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('the second node needs BENCH_DATABASE_URL');
  const app = await buildNode(databaseUrl, redisUrl, node);
  onStop(() => app.close());
  const port = await listenOnLoopback(app);
  send({ type: 'ready', port, slug: '', plenaryId: '', link: '', databaseUrl });
}
