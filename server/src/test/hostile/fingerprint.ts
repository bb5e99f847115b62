import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * Count and checksum of every table (presence and its intervals aside: connecting sockets write them). Columns that
 * record use rather than content are left out: a session's idle deadline moves with every request.
 */
const usageColumns: Record<string, string[]> = { sessions: ['expires_at'] };

export async function tableFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('presence', 'presence_intervals')`,
  );
  const parts = tables.map(({ name }) => {
    const skipped = (usageColumns[name] ?? []).map((c) => `'${c}'`).join(',');
    const row = skipped ? `(to_jsonb(x) - array[${skipped}]::text[])::text` : 'x::text';
    return `select '${name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as sum from "${name}" x`;
  });
  const sums = await rows<{ name: string; sum: string }>(db, sql.raw(parts.join(' union all ')));
  return Object.fromEntries(sums.map((s) => [s.name, s.sum]));
}

async function rows<T>(db: Db, query: SQL) {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
