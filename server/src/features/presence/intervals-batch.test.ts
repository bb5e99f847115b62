import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { presenceIntervals } from '../../db/schema/index.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { findPlenary } from '../rooms/repository.ts';
import { createWorkingGroup, deleteWorkingGroup } from '../rooms/service.ts';
import { writeIntervalChanges, type IntervalChange } from './intervals.ts';

const t = useTestApp();

describe('joins and leaves written together', () => {
  it('keep each socket’s order within one batch, and skip a room deleted meanwhile', async () => {
    const event = await seedEvent(t.app);
    const plenary = await findPlenary(t.app.db, event.id);
    const group = await createWorkingGroup(
      t.app.db,
      event.id,
      { name: 'AG', description: '', capacity: null, moderatorIds: [] },
      null,
    );
    const gone = await createWorkingGroup(
      t.app.db,
      event.id,
      { name: 'AG weg', description: '', capacity: null, moderatorIds: [] },
      null,
    );
    const anna = await join(t.app, event.id, 'attendee', 'Anna');
    const ben = await join(t.app, event.id, 'attendee', 'Ben');
    await deleteWorkingGroup(t.app.db, event.id, gone.id, anna.personId);
    const row = (personId: string, socketId: string, roomId: string) => ({
      kind: 'open' as const,
      row: { eventId: event.id, personId, roomId, socketId, nodeId: 'node-1' },
    });
    const changes: IntervalChange[] = [
      row(anna.personId, 'sa', plenary.id),
      row(ben.personId, 'sb', plenary.id),
      // Anna moves to the group and straight back; Ben moves to the group.
      { kind: 'close', socketId: 'sa', roomId: plenary.id },
      row(anna.personId, 'sa', group.id),
      { kind: 'close', socketId: 'sb', roomId: plenary.id },
      { kind: 'close', socketId: 'sa', roomId: group.id },
      row(anna.personId, 'sa', plenary.id),
      row(ben.personId, 'sb', group.id),
      row(ben.personId, 'sb', gone.id),
    ];
    await writeIntervalChanges(t.app.db, changes);

    const of = async (socketId: string) =>
      (
        await t.app.db
          .select()
          .from(presenceIntervals)
          .where(eq(presenceIntervals.socketId, socketId))
          .orderBy(asc(presenceIntervals.id))
      ).map((r) => ({ roomId: r.roomId, open: r.leftAt === null }));
    expect(await of('sa')).toEqual([
      { roomId: plenary.id, open: false },
      { roomId: group.id, open: false },
      { roomId: plenary.id, open: true },
    ]);
    expect(await of('sb')).toEqual([
      { roomId: plenary.id, open: false },
      { roomId: group.id, open: true },
    ]);
  });
});
