import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type the app uses, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  driver: 'pg' | 'pglite';
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Postgres through `pg` when a URL is given, otherwise the embedded PGlite under the data dir. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  /** Connections in the pg pool (DB_POOL_MAX); POOL_OPTIONS.max when not given. */
  poolMax?: number;
  /** PGlite only: keep everything in memory (tests). */
  inMemory?: boolean;
}): Promise<DbHandle> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl, opts.poolMax ?? POOL_OPTIONS.max);
  return openPglite(opts.inMemory ? undefined : path.resolve(opts.dataDir, 'pglite'));
}

/**
 * Ten connections by default (DB_POOL_MAX), shared by everybody on this node: a burst may not
 * hold them. A request waits
 * at most 3 s for one (then it fails as `unavailable` instead of piling up), and no statement or
 * open transaction holds one for more than 15 s.
 */
export const POOL_OPTIONS = {
  max: 10,
  connectionTimeoutMillis: 3_000,
  statement_timeout: 15_000,
  idle_in_transaction_session_timeout: 15_000,
};

async function openPg(url: string, max: number): Promise<DbHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, ...POOL_OPTIONS, max });
  // A lost connection must not crash the process; queries fail and health reports down. The pool
  // listens only on idle clients: one cut while checked out (inside a transaction) would emit an
  // unhandled 'error' and end the process, so every client gets a listener of its own.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pg',
    migrate: async () => {
      // Several nodes may start at once: one migrates, the others wait on the lock.
      const lock = await pool.connect();
      try {
        // Waiting for another node's migration is no runaway statement.
        await lock.query('set statement_timeout = 0');
        await lock.query('select pg_advisory_lock(72946151)');
        await migrate(db as never, { migrationsFolder });
      } finally {
        await lock.query('select pg_advisory_unlock(72946151)').catch(() => {});
        await lock.query('reset statement_timeout').catch(() => {});
        lock.release();
      }
    },
    ping: () => ping(db),
    close: once(() => pool.end()),
  };
}

async function openPglite(dir: string | undefined): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    migrate: () => migrate(db as never, { migrationsFolder }),
    ping: () => ping(db),
    close: once(() => client.close()),
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** Closing twice (a test, then the app's onClose) must be harmless. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
