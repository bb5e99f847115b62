import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { createTestDatabase } from './database.ts';

export const TEST_SESSION_SECRET = 'test-session-secret-test-session-secret-0123';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  databaseUrl: string;
  /** A second app on the same database: a restart, or another node. */
  restart(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/**
 * buildApp() on a fresh Postgres database and the run's real LiveKit; no listen. Fault tests pass
 * `databaseServer`, the URL of a Postgres of their own, to make the database there.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Partial<AppOptions> = {},
  databaseServer?: string,
): Promise<TestApp> {
  const database = await createTestDatabase(databaseServer);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://localhost:3000',
    PLENUM_DATA_DIR: '.data/test',
    ...env,
  });
  const appOptions: AppOptions = {
    sessionSecret: TEST_SESSION_SECRET,
    livekit: inject('livekit'),
    clientDist: null,
    authRateLimit: 10_000,
    // Test tables send hundreds of events per person within seconds; connection-caps.test.ts
    // and the fault tests hold the real limits.
    personLimits: {
      events: { max: 100_000, windowMs: 10_000 },
      handshakes: { max: 100_000, windowMs: 10_000 },
    },
    ...options,
  };
  const apps: FastifyInstance[] = [await buildApp(config, appOptions)];
  return {
    app: apps[0]!,
    config,
    databaseUrl: database.url,
    restart: async () => {
      const next = await buildApp(config, appOptions);
      apps.push(next);
      return next;
    },
    close: async () => {
      for (const a of apps) await a.close();
      await database.drop();
    },
  };
}
