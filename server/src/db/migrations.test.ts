import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type DbHandle } from './client.ts';
import { createTestDatabase } from '../test/database.ts';

async function tablesOf(handle: DbHandle) {
  const result = await handle.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
}

const expected = [
  'agenda_items',
  'audit_log',
  'events',
  'invitations',
  'memberships',
  'people',
  'room_moderators',
  'rooms',
  'sessions',
];

describe('migrations', () => {
  it('create every table on Postgres, and a second run changes nothing', async () => {
    const database = await createTestDatabase();
    const handle = await openDatabase({ databaseUrl: database.url, dataDir: '.data/test' });
    try {
      await handle.migrate();
      await handle.migrate();
      expect(await tablesOf(handle)).toEqual(expect.arrayContaining(expected));
      expect(handle.driver).toBe('pg');
    } finally {
      await handle.close();
      await database.drop();
    }
  });

  it('create the same tables on the embedded PGlite', async () => {
    const handle = await openDatabase({ dataDir: '.data/test', inMemory: true });
    try {
      await handle.migrate();
      expect(handle.driver).toBe('pglite');
      const tables = await tablesOf(handle);
      expect(tables).toEqual(expect.arrayContaining(expected));
      // The one-plenary rule is a partial unique index: it must exist on both drivers.
      const idx = await handle.db.execute(
        sql`select indexname from pg_indexes where indexname = 'rooms_one_plenary'`,
      );
      expect((idx as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
