/**
 * Runs before `npm test`: checks that the real services the tests use are there, and gets the
 * LiveKit binary (building it once). Fails with one sentence saying what is missing.
 */
import pg from 'pg';
import { createClient } from 'redis';
import { existsSync } from 'node:fs';
import { ensureLivekitBinary } from './ensure-livekit.ts';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const problems: string[] = [];

const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query('select 1');
} catch (err) {
  problems.push(
    `Postgres is not reachable at ${databaseUrl} (${(err as Error).message}); start it or set TEST_DATABASE_URL.`,
  );
} finally {
  await client.end().catch(() => {});
}

const redis = createClient({
  url: redisUrl,
  socket: { connectTimeout: 3000, reconnectStrategy: false },
});
redis.on('error', () => {});
try {
  await redis.connect();
  await redis.ping();
} catch (err) {
  problems.push(
    `Redis is not reachable at ${redisUrl} (${(err as Error).message}); start it or set TEST_REDIS_URL.`,
  );
} finally {
  await redis.close().catch(() => {});
}

try {
  await ensureLivekitBinary({ log: (line) => console.log(line) });
} catch (err) {
  problems.push((err as Error).message);
}

if (!existsSync(chromium)) {
  problems.push(
    `Chromium is missing at ${chromium}; install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
  );
}

if (problems.length) {
  console.error(
    'The tests need real services that are not ready:\n' +
      problems.map((p) => `  - ${p}`).join('\n'),
  );
  process.exit(1);
}
