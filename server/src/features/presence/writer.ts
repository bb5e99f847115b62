import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { GroupCommit } from '../../lib/group-commit.ts';
import { publishRight, type PublishRight, type PublishRow } from './service.ts';

export type PresenceChange =
  | { kind: 'connected'; eventId: string; personId: string; roomId: string | null }
  | { kind: 'lastSeen'; eventId: string; personId: string; roomId: string | null };

/**
 * Presence rows of many people in a few statements: a join storm connects a thousand sockets, a
 * closing rehearsal (or a lost network) disconnects them, and one statement each queued them all
 * on the pool. Changes of one person keep their order: the batch is cut into rounds, the n-th
 * change of each person in round n; in a round a person appears once, so its connects (one
 * upsert) and last-seens (one update) do not depend on each other. Answers: the publish right of
 * each connect (as recordConnected), `null` for a last-seen.
 */
export async function writePresenceChanges(
  db: Db,
  changes: PresenceChange[],
): Promise<(PublishRight | null)[]> {
  const answers: (PublishRight | null)[] = changes.map(() => null);
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  changes.forEach((c, i) => {
    const key = `${c.eventId}/${c.personId}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(i);
  });
  for (const round of rounds) {
    const connects = round.filter((i) => changes[i]!.kind === 'connected');
    const lastSeens = round.filter((i) => changes[i]!.kind === 'lastSeen');
    const arrays = (indexes: number[]) => {
      const of = (pick: (c: PresenceChange) => string | null) =>
        sql.param(indexes.map((i) => pick(changes[i]!)));
      return sql`unnest(${of((c) => c.eventId)}::uuid[], ${of((c) => c.personId)}::uuid[],
        ${of((c) => c.roomId)}::uuid[]) with ordinality as u(event_id, person_id, room_id, n)`;
    };
    if (connects.length > 0) {
      const result = await db.execute(sql`
        with input as (select * from ${arrays(connects)}),
        upserted as (
          insert into presence (event_id, person_id, room_id, connected_at, last_seen_at)
          select event_id, person_id, room_id, now(), now() from input
          on conflict (event_id, person_id) do update set room_id = excluded.room_id,
            connected_at = excluded.connected_at, last_seen_at = excluded.last_seen_at
          returning 1
        )
        select m.role, r.kind, g.can_publish as promoted
        from input i
        left join memberships m on m.event_id = i.event_id and m.person_id = i.person_id
        left join rooms r on r.id = i.room_id and r.event_id = i.event_id
        left join room_grants g on g.room_id = r.id and g.person_id = i.person_id
        order by i.n`);
      const rows = (result as unknown as { rows: (PublishRow | { role: null })[] }).rows;
      connects.forEach((index, k) => {
        const row = rows[k];
        answers[index] = publishRight(row?.role ? (row as PublishRow) : undefined);
      });
    }
    if (lastSeens.length > 0) {
      // The database's clock, as connected_at: hands drop by comparing the two (hands/sweep.ts).
      await db.execute(sql`
        update presence p set last_seen_at = now(), room_id = coalesce(u.room_id, p.room_id)
        from ${arrays(lastSeens)}
        where p.event_id = u.event_id and p.person_id = u.person_id`);
    }
  }
  return answers;
}

/** The node's presence writer: what arrives together is written together (GroupCommit). */
export class PresenceWriter {
  readonly #batches: GroupCommit<PresenceChange, PublishRight | null>;

  constructor(db: Db) {
    this.#batches = new GroupCommit<PresenceChange, PublishRight | null>(
      (changes) => writePresenceChanges(db, changes),
      { maxBatch: 1_000 },
    );
  }

  /** A socket connected: presence row up to date; the person's publish right in that room. */
  async connected(eventId: string, personId: string, roomId: string | null) {
    return (await this.#batches.submit({ kind: 'connected', eventId, personId, roomId }))!;
  }

  /** The person's last connection closed. */
  async lastSeen(eventId: string, personId: string, roomId: string | null) {
    await this.#batches.submit({ kind: 'lastSeen', eventId, personId, roomId });
  }
}
