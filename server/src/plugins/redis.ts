import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisHandle {
  client: RedisClient;
  ping(): Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present only when REDIS_URL is set; one node needs no Redis. */
    redis: RedisHandle | undefined;
  }
}

/** Redis is optional; when configured, a blip must not crash the node, only show in health. */
export default fp<{ url: string | undefined }>(
  async (app, opts) => {
    if (!opts.url) {
      app.decorate('redis', undefined);
      return;
    }
    const client: RedisClient = createClient({
      url: opts.url,
      socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
    });
    let lastError = 0;
    client.on('error', (err) => {
      // Reconnect attempts fail in bursts; one line per 10 s is enough.
      if (Date.now() - lastError > 10_000) app.log.warn({ err: err.message }, 'redis error');
      lastError = Date.now();
    });
    await client.connect();
    app.decorate('redis', {
      client,
      ping: async () => {
        if (!client.isReady) return false;
        try {
          return (await withTimeout(client.ping(), 2000)) === 'PONG';
        } catch {
          return false;
        }
      },
    });
    app.addHook('onClose', async () => {
      await client.close().catch(() => client.destroy());
    });
  },
  { name: 'redis' },
);

/**
 * Redis keys and channels are scoped by database: the nodes of one deployment share a database,
 * and two deployments (or test runs) sharing one Redis never count or hear each other.
 */
export async function redisPrefix(db: Db) {
  const result = await db.execute(sql`select current_database() as name`);
  const [row] = (result as unknown as { rows: { name: string }[] }).rows;
  return `plenum:${row?.name ?? 'default'}:`;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
