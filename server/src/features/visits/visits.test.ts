import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openMeeting } from '../../test/meeting.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const say = (body: string) => ({ clientId: randomUUID(), body });

describe('visiting a working group', () => {
  it('a moderator visiting any group gets its state, hears its chat and hands, and leaves again', async () => {
    const w = await t.world();
    // The moderator belongs in the first group, which they moderate; they visit the other one.
    await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.otherGroupId },
      { personId: w.cem.personId, roomId: w.groupId },
    ]);
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const organizer = await w.connect(w.organizer);
    const cem = await w.connect(w.cem);
    await ok(anna.socket, 'chat:send', { roomId: w.otherGroupId, ...say('Vorher gesagt') });
    await ok(anna.socket, 'hand:raise', { roomId: w.otherGroupId });

    const visit = await ok(moderator.socket, 'group:visit', { roomId: w.otherGroupId });
    expect(visit.room).toEqual({ id: w.otherGroupId, name: 'AG Wohnen', kind: 'working_group' });
    expect(visit.chat.messages.map((m) => m.body)).toEqual(['Vorher gesagt']);
    expect(visit.hands.map((h) => h.person.id)).toEqual([w.anna.personId]);
    // Not their group: its notes stay with its people, its own moderators and the organizers.
    expect(visit.notes).toBeNull();
    const own = await ok(moderator.socket, 'group:visit', { roomId: w.groupId });
    expect(own.notes).toMatchObject({ roomId: w.groupId, body: '' });
    await ok(moderator.socket, 'group:visit', { roomId: w.otherGroupId });
    // Everyone's people list shows the visitor in the group, with the word there.
    await organizer.inbox.waitFor('presence:updated', (u) =>
      u.people.some(
        (p) => p.personId === w.moderator.personId && p.roomId === w.otherGroupId && p.canPublish,
      ),
    );

    await ok(anna.socket, 'chat:send', { roomId: w.otherGroupId, ...say('Willkommen') });
    await moderator.inbox.waitFor('chat:message', (m) => m.body === 'Willkommen');
    await ok(anna.socket, 'hand:lower', { roomId: w.otherGroupId });
    await moderator.inbox.waitFor('hand:lowered', (h) => h.person.id === w.anna.personId);

    // Back where they belong: their own group, not the plenary.
    const left = await ok(moderator.socket, 'group:leave', { roomId: w.otherGroupId });
    expect(left.roomId).toBe(w.groupId);
    await ok(anna.socket, 'chat:send', { roomId: w.otherGroupId, ...say('Nachher gesagt') });
    await ok(cem.socket, 'chat:send', { roomId: w.groupId, ...say('In AG Mobilität') });
    await moderator.inbox.waitFor('chat:message', (m) => m.body === 'In AG Mobilität');
    expect(moderator.inbox.all('chat:message').map((m) => m.body)).toEqual([
      'Willkommen',
      'In AG Mobilität',
    ]);
    // The plenary never heard the groups.
    expect(organizer.inbox.all('chat:message')).toEqual([]);
  });

  it('an attendee cannot visit another group and hears nothing of it', async () => {
    const w = await t.world();
    await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.otherGroupId },
      { personId: w.ben.personId, roomId: w.groupId },
    ]);
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const refused = await ask(anna.socket, 'group:visit', { roomId: w.groupId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nor can she visit her own group or the plenary by this door.
    expect(await ask(anna.socket, 'group:visit', { roomId: w.otherGroupId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await ok(ben.socket, 'chat:send', { roomId: w.groupId, ...say('Nur für AG Mobilität') });
    await ok(anna.socket, 'chat:send', { roomId: w.otherGroupId, ...say('In AG Wohnen') });
    await anna.inbox.waitFor('chat:message', (m) => m.body === 'In AG Wohnen');
    expect(anna.inbox.all('chat:message').map((m) => m.body)).toEqual(['In AG Wohnen']);
    // Leaving her own group is no way out of it either.
    expect((await ok(anna.socket, 'group:leave', { roomId: w.otherGroupId })).roomId).toBe(
      w.otherGroupId,
    );
  });

  it('a moderator who belongs in a group may look into the plenary, and go home again', async () => {
    const w = await t.world();
    await openMeeting(t.app, w, []);
    const moderator = await w.connect(w.moderator);
    const organizer = await w.connect(w.organizer);
    const visit = await ok(moderator.socket, 'group:visit', { roomId: w.plenaryId });
    expect(visit.room.kind).toBe('plenary');
    expect(visit.notes).toBeNull();
    await ok(organizer.socket, 'chat:send', { roomId: w.plenaryId, ...say('An alle im Plenum') });
    await moderator.inbox.waitFor('chat:message', (m) => m.body === 'An alle im Plenum');
    expect((await ok(moderator.socket, 'group:leave', { roomId: w.plenaryId })).roomId).toBe(
      w.groupId,
    );
  });

  it('the group is told who visits and when they go; other rooms hear nothing of it', async () => {
    const w = await t.world();
    await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.otherGroupId },
      { personId: w.cem.personId, roomId: w.groupId },
    ]);
    const anna = await w.connect(w.anna);
    const cem = await w.connect(w.cem);
    const ben = await w.connect(w.ben);
    const moderator = await w.connect(w.moderator);
    await ok(moderator.socket, 'group:visit', { roomId: w.otherGroupId });
    const arrived = await anna.inbox.waitFor('visit:arrived');
    expect(arrived).toEqual({
      roomId: w.otherGroupId,
      visitor: { id: w.moderator.personId, displayName: 'Moritz Moderator', role: 'moderator' },
    });
    await ok(moderator.socket, 'group:leave', { roomId: w.otherGroupId });
    expect(await anna.inbox.waitFor('visit:left')).toEqual(arrived);
    // Back in his own group: no visitor there; Cem (his group) and Ben (plenary) heard nothing.
    await ok(anna.socket, 'chat:send', { roomId: w.otherGroupId, ...say('Danke') });
    await ok(cem.socket, 'chat:send', { roomId: w.groupId, ...say('Marker') });
    await cem.inbox.waitFor('chat:message', (m) => m.body === 'Marker');
    for (const other of [cem, ben, moderator]) {
      expect(other.inbox.all('visit:arrived')).toEqual([]);
      expect(other.inbox.all('visit:left')).toEqual([]);
    }

    // The organizer's way back is a visit to the plenary: the group hears that she went.
    const organizer = await w.connect(w.organizer);
    await ok(organizer.socket, 'group:visit', { roomId: w.otherGroupId });
    await anna.inbox.waitFor('visit:arrived', (n) => n.visitor.id === w.organizer.personId);
    await ok(organizer.socket, 'group:visit', { roomId: w.plenaryId });
    expect(
      await anna.inbox.waitFor('visit:left', (n) => n.visitor.id === w.organizer.personId),
    ).toMatchObject({ roomId: w.otherGroupId, visitor: { role: 'organizer' } });
    expect(ben.inbox.all('visit:arrived')).toEqual([]);
  });
});
