/**
 * One Plenum node of a multi-node bench, in its server child: the real app (buildApp) on a given
 * database, with or without Redis, signing cookies with the secret every node of the run shares
 * (as a deployment's nodes do). Imported only by bench/*.server.ts; the app is imported lazily.
 */
import type { FastifyInstance } from 'fastify';

export interface NodeOptions {
  sessionSecret: string;
  /** Unknown or unusable invitation links per minute and address (the app's default is 30). */
  authRateLimit?: number;
}

/** The driver's LiveKit (BENCH_LIVEKIT), or an address nothing listens on. */
const livekitOf = (fallbackSecret: string) =>
  (JSON.parse(process.env.BENCH_LIVEKIT ?? 'null') as {
    url: string;
    apiKey: string;
    apiSecret: string;
  } | null) ?? { url: 'ws://127.0.0.1:9', apiKey: 'bench', apiSecret: fallbackSecret };

export async function buildNode(
  databaseUrl: string,
  redisUrl: string | null,
  opts: NodeOptions,
): Promise<FastifyInstance> {
  const { buildApp } = await import('../../server/src/app.ts');
  const { loadConfig } = await import('../../server/src/config.ts');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: 'http://127.0.0.1:3999',
    PLENUM_DATA_DIR: '.data/bench',
    ...(redisUrl && { REDIS_URL: redisUrl }),
  });
  return buildApp(config, {
    sessionSecret: opts.sessionSecret,
    livekit: livekitOf(opts.sessionSecret),
    clientDist: null,
    authRateLimit: opts.authRateLimit,
  });
}

/** Deletes this run's Redis keys (the adapter's stream, sessions, rate limits): its prefix only. */
export async function cleanRedis(url: string, databaseUrl: string) {
  const { createClient } = await import('redis');
  const prefix = `plenum:${new URL(databaseUrl).pathname.slice(1)}:`;
  const client = createClient({ url });
  await client.connect();
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(keys);
  await client.close();
}
