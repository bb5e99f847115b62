import { describe, expect, it } from 'vitest';
import { seedEvent } from '../../test/fixtures.ts';
import { createInvitation } from '../invitations/service.ts';
import { ask, connectAs, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { moveSocketsOfPerson } from '../../realtime/rooms.ts';

const t = useSocketWorld();

describe('presence', () => {
  it('lists every member with online state and room, counting a person with two tabs once', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    await w.connect(w.anna);
    await w.connect(w.ben);
    const list = await ok(anna.socket, 'presence:list', {});
    const byName = Object.fromEntries(list.people.map((p) => [p.displayName, p]));
    expect(byName.Anna).toMatchObject({ online: true, roomId: w.plenaryId });
    expect(byName.Ben).toMatchObject({ online: true, roomId: w.plenaryId });
    expect(byName.Cem).toMatchObject({ online: false, roomId: null, lastSeenAt: null });
    expect(list.counts).toEqual({ [w.plenaryId]: 2 });
    expect(list.people).toHaveLength(5);
    // Display name and role in the event only (the people list marks roles): no e-mail, nothing else.
    expect(Object.keys(byName.Anna!).sort()).toEqual([
      'canPublish',
      'displayName',
      'lastSeenAt',
      'online',
      'personId',
      'promoted',
      'role',
      'roomId',
    ]);
    expect(byName.Anna!.role).toBe('attendee');
  });

  it('a person goes offline only when their last tab closes, and is remembered as last seen', async () => {
    const w = await t.world();
    const ben = await w.connect(w.ben);
    // Ben shows the whole people list: attendees' changes reach only those who do.
    await ok(ben.socket, 'presence:list', {});
    const firstTab = await w.connect(w.anna);
    const secondTab = await w.connect(w.anna);
    // Joining tells the others her role too, for the people list's mark.
    await ben.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.anna.personId && p.online && p.role === 'attendee'),
    );

    firstTab.socket.disconnect();
    expect((await ok(ben.socket, 'presence:list', {})).counts).toEqual({ [w.plenaryId]: 2 });
    secondTab.socket.disconnect();
    const offline = await ben.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.anna.personId && !p.online),
    );
    expect(offline.people.find((p) => p.personId === w.anna.personId)).toMatchObject({
      roomId: w.plenaryId,
      lastSeenAt: expect.any(String),
    });
    // Only one offline notice: the first tab closing did not announce Anna as gone.
    const notices = ben.inbox
      .all('presence:updated')
      .flatMap((u) => u.people)
      .filter((p) => p.personId === w.anna.personId && !p.online);
    expect(notices).toHaveLength(1);
    const list = await ok(ben.socket, 'presence:list', {});
    expect(list.people.find((p) => p.personId === w.anna.personId)).toMatchObject({
      online: false,
      roomId: w.plenaryId,
    });
    expect(list.counts).toEqual({ [w.plenaryId]: 1 });
  });

  it('moving a person moves all their tabs into the new room and tells the event', async () => {
    const w = await t.world();
    const ben = await w.connect(w.ben);
    await ok(ben.socket, 'presence:list', { people: 'everyone' });
    const tab1 = await w.connect(w.cem);
    const tab2 = await w.connect(w.cem);
    const moved = await moveSocketsOfPerson(
      t.app.realtime.io,
      w.cem.personId,
      w.plenaryId,
      w.groupId,
    );
    expect(moved).toBe(2);
    await ben.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.cem.personId && p.roomId === w.groupId),
    );
    const list = await ok(ben.socket, 'presence:list', {});
    expect(list.counts).toEqual({ [w.plenaryId]: 1, [w.groupId]: 1 });
    // Both tabs now read the group's chat, which a plenary attendee may not.
    for (const tab of [tab1, tab2])
      expect((await ok(tab.socket, 'chat:history', { roomId: w.groupId })).messages).toEqual([]);
  });

  it("sends an attendee's changes only to those watching the whole list, staff's to everyone", async () => {
    const w = await t.world();
    // Ben's page shows only the stage, Cem's the people list.
    const ben = await w.connect(w.ben);
    const featured = await ok(ben.socket, 'presence:list', { people: 'featured' });
    expect(featured.people.map((p) => p.role).sort()).toEqual(['moderator', 'organizer']);
    const cem = await w.connect(w.cem);
    await ok(cem.socket, 'presence:list', { people: 'everyone' });

    await w.connect(w.anna);
    await cem.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.anna.personId && p.online),
    );
    await w.connect(w.organizer);
    await ben.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.organizer.personId && p.online),
    );
    await cem.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.organizer.personId && p.online),
    );
    const benHeardOf = ben.inbox.all('presence:updated').flatMap((u) => u.people);
    expect(benHeardOf.map((p) => p.personId)).not.toContain(w.anna.personId);
    expect(benHeardOf.map((p) => p.personId)).not.toContain(w.cem.personId);
    // The featured list still counts everyone online per room.
    expect((await ok(ben.socket, 'presence:list', { people: 'featured' })).counts).toEqual({
      [w.plenaryId]: 4,
    });

    // Cem closes the people list: from then on, attendees' changes pass him by too.
    await ok(cem.socket, 'presence:list', { people: 'featured' });
    const before = cem.inbox.all('presence:updated').length;
    await w.connect(w.anna);
    await w.connect(w.moderator);
    await cem.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.moderator.personId),
    );
    const later = cem.inbox
      .all('presence:updated')
      .slice(before)
      .flatMap((u) => u.people);
    expect(later.map((p) => p.personId)).toEqual([w.moderator.personId]);
  });

  it('tells watchers only of a person whose role is unknown (a connection recovered from an older node)', async () => {
    const w = await t.world();
    const ben = await w.connect(w.ben);
    await ok(ben.socket, 'presence:list', { people: 'featured' });
    const cem = await w.connect(w.cem);
    await ok(cem.socket, 'presence:list', { people: 'everyone' });
    const before = ben.inbox.all('presence:updated').length;
    const person = {
      personId: w.moderator.personId,
      displayName: 'Moritz',
      online: true,
      roomId: w.plenaryId,
      lastSeenAt: new Date().toISOString(),
      canPublish: true,
      promoted: false,
    };
    t.app.realtime.presence.queue(w.event.id, person, undefined);
    t.app.realtime.presence.flush();
    await cem.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.moderator.personId),
    );
    expect(ben.inbox.all('presence:updated').slice(before)).toEqual([]);
  });

  it('refuses a list of an unknown scope', async () => {
    const w = await t.world();
    const ben = await w.connect(w.ben);
    const ack = await ask(ben.socket, 'presence:list', { people: 'all' } as never);
    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(
      await ask(ben.socket, 'presence:list', { people: 'everyone', more: 1 } as never),
    ).toMatchObject({ ok: false });
  });

  it('moving a person leaves their tab in another event where it is', async () => {
    const w = await t.world();
    const other = await seedEvent(t.app);
    const { token } = await createInvitation(
      t.app.db,
      other.id,
      { role: 'attendee', label: '', maxUses: null, expiresAt: null },
      null,
    );
    const redeemed = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/redeem`,
      headers: { cookie: w.anna.cookie },
      payload: { displayName: 'Anna' },
    });
    expect(redeemed.json().person.id).toBe(w.anna.personId);
    await w.connect(w.anna);
    const otherTab = await connectAs(t.url, w.anna, other.slug);
    try {
      expect(
        await moveSocketsOfPerson(t.app.realtime.io, w.anna.personId, w.plenaryId, w.groupId),
      ).toBe(1);
      const sockets = await t.app.realtime.io.in(`person:${w.anna.personId}`).fetchSockets();
      const inOther = sockets.find((s) => s.data.eventId === other.id)!;
      expect([...inOther.rooms].filter((r) => r.startsWith('room:'))).toHaveLength(1);
      expect(inOther.rooms.has(`room:${w.groupId}`)).toBe(false);
    } finally {
      otherTab.socket.disconnect();
    }
  });
});
