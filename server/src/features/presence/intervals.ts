import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { presenceIntervals } from '../../db/schema/index.ts';

/** How often a node tells the database that its open intervals are still open. */
export const HEARTBEAT_MS = 30_000;
/** An open interval whose node has been silent this long belongs to a node that is gone. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;

/** A socket entered a room's Socket.IO room: an interval opens. */
export async function openInterval(
  db: DbOrTx,
  row: { eventId: string; personId: string; roomId: string; socketId: string; nodeId: string },
) {
  await db.insert(presenceIntervals).values(row);
}

/** The socket left the room (moved, disconnected): its open interval there closes now. */
export async function closeInterval(db: DbOrTx, socketId: string, roomId: string) {
  await db
    .update(presenceIntervals)
    .set({ leftAt: sql`now()` })
    .where(
      and(
        eq(presenceIntervals.socketId, socketId),
        eq(presenceIntervals.roomId, roomId),
        isNull(presenceIntervals.leftAt),
      ),
    );
}

export type IntervalChange =
  | { kind: 'open'; row: Parameters<typeof openInterval>[1] }
  | { kind: 'close'; socketId: string; roomId: string };

/**
 * Many joins and leaves in a few statements (a phase opening moves a thousand sockets: a thousand
 * closes and a thousand opens). Changes of one socket keep their order: the batch is cut into
 * rounds, the n-th change of every socket in round n, and in a round each socket appears once, so
 * its opens (one INSERT) and closes (one UPDATE) do not depend on each other. A room or person
 * deleted meanwhile is skipped, not an error for the whole batch.
 */
export async function writeIntervalChanges(db: DbOrTx, changes: IntervalChange[]) {
  const rounds: IntervalChange[][] = [];
  const seen = new Map<string, number>();
  for (const change of changes) {
    const socketId = change.kind === 'open' ? change.row.socketId : change.socketId;
    const round = seen.get(socketId) ?? 0;
    seen.set(socketId, round + 1);
    (rounds[round] ??= []).push(change);
  }
  for (const round of rounds) {
    const opens = round.flatMap((c) => (c.kind === 'open' ? [c.row] : []));
    const closes = round.flatMap((c) => (c.kind === 'close' ? [c] : []));
    if (opens.length > 0) {
      const column = (pick: (r: (typeof opens)[number]) => string) => sql.param(opens.map(pick));
      await db.execute(sql`
        insert into ${presenceIntervals} (event_id, person_id, room_id, socket_id, node_id)
        select u.event_id, u.person_id, u.room_id, u.socket_id, u.node_id
        from unnest(${column((r) => r.eventId)}::uuid[], ${column((r) => r.personId)}::uuid[],
          ${column((r) => r.roomId)}::uuid[], ${column((r) => r.socketId)}::text[],
          ${column((r) => r.nodeId)}::text[]) as u(event_id, person_id, room_id, socket_id, node_id)
        where exists (select 1 from rooms r where r.id = u.room_id and r.event_id = u.event_id)
          and exists (select 1 from people p where p.id = u.person_id)`);
    }
    if (closes.length > 0) {
      await db.execute(sql`
        update ${presenceIntervals} i set left_at = now()
        from unnest(${sql.param(closes.map((c) => c.socketId))}::text[],
          ${sql.param(closes.map((c) => c.roomId))}::uuid[]) as u(socket_id, room_id)
        where i.socket_id = u.socket_id and i.room_id = u.room_id and i.left_at is null`);
    }
  }
}

/** This node is alive and its sockets are where they were. */
export async function refreshIntervals(db: DbOrTx, nodeId: string) {
  await db
    .update(presenceIntervals)
    .set({ seenAt: sql`now()` })
    .where(and(eq(presenceIntervals.nodeId, nodeId), isNull(presenceIntervals.leftAt)));
}

/** A stopping node closes what it holds: its sockets are gone with it. */
export async function closeIntervalsOfNode(db: DbOrTx, nodeId: string) {
  await db
    .update(presenceIntervals)
    .set({ leftAt: sql`now()` })
    .where(and(eq(presenceIntervals.nodeId, nodeId), isNull(presenceIntervals.leftAt)));
}

/**
 * Intervals of a node that stopped without closing them (a crash, a kill): closed at the last
 * time their node vouched for them, so a restart hours later adds no hours. Any node may run it.
 */
export async function sweepStaleIntervals(db: DbOrTx, staleAfterMs = STALE_AFTER_MS) {
  const closed = await db
    .update(presenceIntervals)
    .set({ leftAt: presenceIntervals.seenAt })
    .where(
      and(
        isNull(presenceIntervals.leftAt),
        lt(presenceIntervals.seenAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
      ),
    )
    .returning({ id: presenceIntervals.id });
  return closed.length;
}
