import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from './client.ts';
import { createTestDatabase } from '../test/database.ts';

describe('the Postgres pool', () => {
  it('ends a runaway statement after 15 s and never waits more than 3 s for a connection', async () => {
    const database = await createTestDatabase();
    const handle = await openDatabase({ databaseUrl: database.url, dataDir: '.data/test' });
    try {
      const shown = await handle.db.execute(sql`show statement_timeout`);
      expect((shown as unknown as { rows: { statement_timeout: string }[] }).rows).toEqual([
        { statement_timeout: '15s' },
      ]);
      // Ten connections held (a burst), the eleventh request gives up instead of queueing on.
      const held = Array.from({ length: 10 }, () =>
        handle.db.execute(sql`select pg_sleep(4)`).then(() => 'done'),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const waited = await handle.db.execute(sql`select 1`).then(
        () => null,
        (err: Error) => err,
      );
      expect(String((waited?.cause as Error | undefined)?.message)).toMatch(/timeout/i);
      expect(Date.now() - started).toBeLessThan(3_800);
      await Promise.all(held);
    } finally {
      await handle.close();
      await database.drop();
    }
  }, 20_000);
});
