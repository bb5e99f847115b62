import { describe, expect, it } from 'vitest';
import { join, seedEvent } from '../../test/fixtures.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { loadActor, loadActors } from './actor.ts';

const t = useTestApp();

describe('rights of many people loaded at once', () => {
  it('equal the rights loaded one by one: members, moderators, strangers and other events, in order', async () => {
    const event = await seedEvent(t.app);
    const other = await seedEvent(t.app);
    const moderator = await join(t.app, event.id, 'moderator', 'Moritz');
    const attendee = await join(t.app, event.id, 'attendee', 'Anna');
    const elsewhere = await join(t.app, other.id, 'organizer', 'Olga');
    const groups = await Promise.all(
      ['AG 1', 'AG 2'].map((name) =>
        createWorkingGroup(
          t.app.db,
          event.id,
          { name, description: '', capacity: null, moderatorIds: [moderator.personId] },
          null,
        ),
      ),
    );
    // Olga moderates nothing in this event and is no member of it.
    const pairs = [
      { personId: moderator.personId, eventId: event.id },
      { personId: elsewhere.personId, eventId: event.id },
      { personId: attendee.personId, eventId: event.id },
      { personId: elsewhere.personId, eventId: other.id },
      { personId: moderator.personId, eventId: other.id },
      { personId: attendee.personId, eventId: event.id },
    ];

    const together = await loadActors(t.app.db, pairs);
    const oneByOne = await Promise.all(
      pairs.map((p) => loadActor(t.app.db, p.personId, p.eventId)),
    );
    expect(together).toEqual(oneByOne);
    expect(together[0]).toMatchObject({ role: 'moderator' });
    expect([...together[0]!.moderatedRoomIds].sort()).toEqual(groups.map((g) => g.id).sort());
    expect(together.map((a) => a.role)).toEqual([
      'moderator',
      null,
      'attendee',
      'organizer',
      null,
      'attendee',
    ]);
    expect(await loadActors(t.app.db, [])).toEqual([]);
  });
});
