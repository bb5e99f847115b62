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
