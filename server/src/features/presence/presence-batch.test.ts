import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { presence } from '../../db/schema/index.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { findPlenary } from '../rooms/repository.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { recordConnected } from './service.ts';
import { writePresenceChanges, type PresenceChange } from './writer.ts';

const t = useTestApp();

describe('presence of many people written together', () => {
  it('answers each connect with the same right as alone, and keeps each person’s order', async () => {
    const event = await seedEvent(t.app);
    const plenary = await findPlenary(t.app.db, event.id);
    const group = await createWorkingGroup(
      t.app.db,
      event.id,
      { name: 'AG', description: '', capacity: null, moderatorIds: [] },
      null,
    );
    const anna = await join(t.app, event.id, 'attendee', 'Anna');
    const mod = await join(t.app, event.id, 'moderator', 'Moritz');
    const stranger = await join(t.app, (await seedEvent(t.app)).id, 'attendee', 'Fremd');
    const at = (personId: string, roomId: string | null, kind: PresenceChange['kind']) =>
      ({ kind, eventId: event.id, personId, roomId }) as PresenceChange;

    const answers = await writePresenceChanges(t.app.db, [
      at(anna.personId, plenary.id, 'connected'),
      at(mod.personId, plenary.id, 'connected'),
      at(stranger.personId, plenary.id, 'connected'),
      // Anna: gone from the plenary, back in the group; the moderator leaves.
      at(anna.personId, plenary.id, 'lastSeen'),
      at(mod.personId, null, 'lastSeen'),
      at(anna.personId, group.id, 'connected'),
    ]);
    const alone = [
      await recordConnected(t.app.db, event.id, anna.personId, plenary.id),
      await recordConnected(t.app.db, event.id, mod.personId, plenary.id),
      await recordConnected(t.app.db, event.id, stranger.personId, plenary.id),
    ];
    expect(answers.slice(0, 3)).toEqual(alone);
    expect(answers.slice(3, 5)).toEqual([null, null]);
    expect(answers[5]).toEqual(await recordConnected(t.app.db, event.id, anna.personId, group.id));
    expect(alone[1]).toMatchObject({ canPublish: true, role: 'moderator' });
    expect(alone[2]).toEqual({ canPublish: false, promoted: false });

    // Written again in one batch: the last change of each person wins, in order.
    await writePresenceChanges(t.app.db, [
      at(anna.personId, plenary.id, 'connected'),
      at(anna.personId, group.id, 'lastSeen'),
    ]);
    const [row] = await t.app.db
      .select()
      .from(presence)
      .where(and(eq(presence.eventId, event.id), eq(presence.personId, anna.personId)));
    expect(row).toMatchObject({ roomId: group.id });
    expect(row!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(row!.connectedAt.getTime());
  });
});
