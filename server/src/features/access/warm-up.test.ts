import type { Pool, PoolClient } from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { join, seedEvent } from '../../test/fixtures.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { createInvitation } from '../invitations/service.ts';
import { warmJoinPath } from './warm-up.ts';

const t = useTestApp({ env: { DB_POOL_MAX: '4' } });

/** Row counts and uses that a warm-up must leave as they were. */
async function footprint() {
  const result = await t.app.db.execute(sql`
    select (select count(*) from people) as people, (select count(*) from sessions) as sessions,
      (select count(*) from memberships) as memberships,
      (select coalesce(sum(uses), 0) from invitations) as uses,
      (select count(*) from presence) as presence`);
  return (result as unknown as { rows: Record<string, string>[] }).rows[0];
}

describe('warming the join path before the node listens', () => {
  it('prepares the join path’s statements on every pooled connection and changes nothing', async () => {
    const event = await seedEvent(t.app);
    await join(t.app, event.id, 'attendee', 'Anna');
    await createInvitation(
      t.app.db,
      event.id,
      { role: 'attendee', label: 'unused', maxUses: 10, expiresAt: null },
      null,
    );
    const before = await footprint();

    await warmJoinPath(t.app.db, 4, 3);

    expect(await footprint()).toEqual(before);
    // All four connections at once: each must hold the prepared statements already.
    const pool = (t.app.db as unknown as { $client: Pool }).$client;
    const clients: PoolClient[] = await Promise.all([1, 2, 3, 4].map(() => pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ name: string }>(
          'select name from pg_prepared_statements order by name',
        );
        expect(rows.map((r) => r.name)).toEqual(
          expect.arrayContaining([
            'phases_now',
            'signed_in_event_member',
            'signed_in_room_standing',
          ]),
        );
      }
    } finally {
      for (const client of clients) client.release();
    }
    expect(pool.totalCount).toBe(4);
  });
});
