import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { socketRoom } from '../../realtime/rooms.ts';
import { openMeeting } from '../../test/meeting.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { dispatchDeps, dispatchOnConnect } from '../phases/dispatch.ts';

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

  it('a visit made while the connection is still being placed stays: the placement does not undo it', async () => {
    const w = await t.world();
    await openMeeting(t.app, w, []);
    const moderator = await w.connect(w.moderator);
    await moderator.inbox.waitFor('room:assigned', (a) => a.reason === 'reconnected');
    const socket = t.app.realtime.io.of('/').sockets.get(moderator.socket.id!)!;
    expect(socket.rooms.has(socketRoom.room(w.groupId))).toBe(true);

    // A fresh connection's placement, held up at LiveKit (a slow media server, a busy node)
    // while the moderator already visits the other group.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const deps = dispatchDeps(t.app);
    const rooms = {
      createRoom: async (options: Parameters<RoomServiceClient['createRoom']>[0]) => {
        await held;
        return deps.livekit.rooms.createRoom(options);
      },
    } as RoomServiceClient;
    const placing = dispatchOnConnect(
      { ...deps, livekit: { ...deps.livekit, rooms, known: undefined } },
      socket,
    );
    await ok(moderator.socket, 'group:visit', { roomId: w.otherGroupId });
    release();
    await placing;

    expect(socket.rooms.has(socketRoom.room(w.otherGroupId))).toBe(true);
    expect(socket.rooms.has(socketRoom.room(w.groupId))).toBe(false);
    expect(moderator.inbox.all('room:assigned')).toHaveLength(1);
  });
});
