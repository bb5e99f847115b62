import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { presenceIntervals } from '../../db/schema/index.ts';
import { attend } from '../../test/fixtures.ts';
import { ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { attendanceReport } from '../audit/attendance.ts';
import { exportPerson } from '../privacy/export.ts';
import { sweepStaleIntervals } from './intervals.ts';

const t = useSocketWorld();

const intervalsOf = (personId: string) =>
  t.app.db.select().from(presenceIntervals).where(eq(presenceIntervals.personId, personId));

/** Waits until the intervals of a person satisfy `done` (they are written after the join). */
async function until(
  personId: string,
  done: (rows: Awaited<ReturnType<typeof intervalsOf>>) => boolean,
) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows = await intervalsOf(personId);
    if (done(rows)) return rows;
    if (Date.now() > deadline)
      throw new Error(`intervals not as expected: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('attendance over Socket.IO', () => {
  it('a person who follows by chat only is counted, with a duration and no media', async () => {
    const w = await t.world();
    const ben = await w.connect(w.ben);
    const [open] = await until(w.ben.personId, (rows) => rows.length === 1);
    expect(open).toMatchObject({ eventId: w.event.id, roomId: w.plenaryId, leftAt: null });

    const later = new Date(open!.joinedAt.getTime() + 10 * 60_000);
    const report = await attendanceReport(
      t.app.db,
      { id: w.event.id, timeZone: 'Europe/Berlin' },
      later,
    );
    const plenary = report.rooms.find((r) => r.roomId === w.plenaryId)!;
    expect(plenary.people).toEqual([
      expect.objectContaining({
        personId: w.ben.personId,
        totalMinutes: 10,
        mediaMinutes: 0,
        lastLeftAt: null,
      }),
    ]);

    ben.socket.disconnect();
    const [closed] = await until(w.ben.personId, (rows) => rows[0]?.leftAt !== null);
    expect(closed!.leftAt!.getTime()).toBeGreaterThanOrEqual(closed!.joinedAt.getTime());
    // It is the person's data: in their export.
    const data = await exportPerson(t.app.db, w.ben.personId, w.event.id);
    expect(data.socketAttendance).toEqual([
      expect.objectContaining({ roomId: w.plenaryId, leftAt: closed!.leftAt!.toISOString() }),
    ]);
  });

  it('a socket and media at the same time are not counted twice', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    await until(w.anna.personId, (rows) => rows.length === 1);
    // Anna has followed for 30 minutes; for 10 of them her camera was on.
    await t.app.db
      .update(presenceIntervals)
      .set({ joinedAt: minutesAgo(30) })
      .where(eq(presenceIntervals.personId, w.anna.personId));
    await attend(
      t.app,
      w.plenaryId,
      w.anna.personId,
      minutesAgo(20).toISOString(),
      minutesAgo(10).toISOString(),
    );
    anna.socket.disconnect();
    await until(w.anna.personId, (rows) => rows[0]?.leftAt !== null);

    const report = await attendanceReport(t.app.db, { id: w.event.id, timeZone: 'Europe/Berlin' });
    const [person] = report.rooms.find((r) => r.roomId === w.plenaryId)!.people;
    expect(person).toMatchObject({ personId: w.anna.personId, totalMinutes: 30, mediaMinutes: 10 });
    expect(person!.spans.map((s) => s.source).sort()).toEqual(['media', 'socket']);

    const csv = await t.app.inject({
      url: `/api/events/${w.event.slug}/attendance.csv`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(csv.body).toContain(';Anna;');
    expect(csv.body).toMatch(/;Anna;[^\r\n]*;30;10\r\n/);
  });

  it('a move to another room closes the interval in the first and opens one in the second', async () => {
    const w = await t.world();
    const moderator = await w.connect(w.moderator);
    await until(w.moderator.personId, (rows) => rows.length === 1);
    await ok(moderator.socket, 'group:visit', { roomId: w.otherGroupId });
    const rows = await until(
      w.moderator.personId,
      (r) => r.length === 2 && r.some((i) => i.leftAt),
    );
    const byRoom = new Map(rows.map((r) => [r.roomId, r]));
    expect(byRoom.get(w.plenaryId)!.leftAt).not.toBeNull();
    expect(byRoom.get(w.otherGroupId)!.leftAt).toBeNull();
  });

  it('intervals of a node that stopped without closing them are closed at its last heartbeat', async () => {
    const w = await t.world();
    const seenAt = minutesAgo(10);
    await t.app.db.insert(presenceIntervals).values({
      eventId: w.event.id,
      personId: w.cem.personId,
      roomId: w.plenaryId,
      socketId: 'gone-socket',
      nodeId: 'gone-node',
      joinedAt: minutesAgo(40),
      seenAt,
    });
    expect(await sweepStaleIntervals(t.app.db)).toBeGreaterThanOrEqual(1);
    const [row] = await t.app.db
      .select()
      .from(presenceIntervals)
      .where(and(eq(presenceIntervals.socketId, 'gone-socket')));
    expect(row!.leftAt!.getTime()).toBe(seenAt.getTime());
    // A live node's intervals stay open.
    const cem = await w.connect(w.cem);
    await until(w.cem.personId, (r) => r.some((i) => i.leftAt === null));
    await sweepStaleIntervals(t.app.db);
    const open = await t.app.db
      .select({ n: sql<number>`count(*)::int` })
      .from(presenceIntervals)
      .where(and(eq(presenceIntervals.personId, w.cem.personId), isNull(presenceIntervals.leftAt)));
    expect(open[0]!.n).toBe(1);
    cem.socket.disconnect();
  });
});
