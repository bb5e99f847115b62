import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** Base URL of the Postgres the tests use; a fresh database is made per test file. */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `base` is another server's URL (a fault test's private Postgres); the database goes there. */
export async function createTestDatabase(
  base = testDatabaseUrl,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plenum_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
