import { afterAll, describe, expect, it } from 'vitest';
import { dispose } from '@livekit/rtc-node';
import { connectParticipant } from '../../test/media.ts';
import { openMeeting } from '../../test/meeting.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import type { World } from '../../test/world.ts';

// Registered before the app's hooks, so that it runs after the app has closed.
afterAll(() => dispose());
const t = useSocketWorld();
let w: World;

const asOrganizer = (method: 'POST', path: string, payload?: object) =>
  t.app.inject({ method, url: path, payload, headers: { cookie: w.organizer.cookie } });

describe('the tokens pushed on a room change join a room that exists', () => {
  it('closing a phase makes the plenary room again when LiveKit closed it while everyone was in groups', async () => {
    w = await t.world();
    const plenaryToken = await t.app.inject({
      method: 'POST',
      url: `/api/rooms/${w.plenaryId}/token`,
      headers: { cookie: w.anna.cookie },
    });
    expect(plenaryToken.statusCode, plenaryToken.body).toBe(200);
    const phaseId = await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
    const anna = await w.connect(w.anna);
    await anna.inbox.waitFor('room:assigned', (a) => a.media.room.id === w.groupId);
    // The plenary stood empty for longer than LiveKit's empty timeout: LiveKit closed it.
    await t.app.livekit.rooms.deleteRoom(w.plenaryId);
    expect(await t.app.livekit.rooms.listRooms([w.plenaryId])).toEqual([]);

    const closed = await asOrganizer('POST', `/api/phases/${phaseId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const back = await anna.inbox.waitFor('room:assigned', (a) => a.media.room.id === w.plenaryId);
    const room = await connectParticipant(back.media.url, back.media.token);
    expect(room.isConnected).toBe(true);
    await room.disconnect();
  }, 60_000);

  it('opening a phase makes the group rooms even when this node made them a moment ago and LiveKit lost them', async () => {
    w = await t.world();
    const anna = await w.connect(w.anna);
    // This node made the group's room a moment ago (a visit, a token): it is in the known-rooms cache.
    const visit = await t.app.inject({
      method: 'POST',
      url: `/api/rooms/${w.groupId}/token`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(visit.statusCode, visit.body).toBe(200);
    // LiveKit restarted (or closed it) since.
    await t.app.livekit.rooms.deleteRoom(w.groupId);

    const draft = await asOrganizer('POST', `/api/events/${w.slug}/phases`, {
      title: 'AG',
      roomIds: [w.groupId],
      durationMinutes: 30,
      selfSelect: false,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const phaseId = draft.json().id as string;
    const moved = await asOrganizer('POST', `/api/phases/${phaseId}/move`, {
      personId: w.anna.personId,
      roomId: w.groupId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const opened = await asOrganizer('POST', `/api/phases/${phaseId}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    const there = await anna.inbox.waitFor('room:assigned', (a) => a.media.room.id === w.groupId);
    const room = await connectParticipant(there.media.url, there.media.token);
    expect(room.isConnected).toBe(true);
    await room.disconnect();
  }, 60_000);
});
