import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispose } from '@livekit/rtc-node';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { connectParticipant, nextEvent, RoomEvent } from '../../test/media.ts';
import { openMeeting } from '../../test/meeting.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

// Registered before the app's hooks, so that it runs after the app has closed.
afterAll(() => dispose());
const t = useSocketWorld();
let slug: string;
let organizer: Member;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer', 'Olga Organisatorin');
});

const call = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie: organizer.cookie } });

describe('deleting a working group', () => {
  it('deletes its LiveKit room: those in it are disconnected and a token minted before no longer joins', async () => {
    const created = await call('POST', `/api/events/${slug}/rooms`, { name: 'AG Kurzlebig' });
    expect(created.statusCode, created.body).toBe(201);
    const groupId: string = created.json().id;
    const issued = await call('POST', `/api/rooms/${groupId}/token`);
    expect(issued.statusCode, issued.body).toBe(200);
    const { url, token } = issued.json();
    const later = (await call('POST', `/api/rooms/${groupId}/token`)).json().token as string;

    const inside = await connectParticipant(url, token);
    const disconnected = nextEvent(inside, RoomEvent.Disconnected);
    const deleted = await call('DELETE', `/api/events/${slug}/rooms/${groupId}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    await disconnected;
    expect(await t.app.livekit.rooms.listRooms([groupId])).toEqual([]);

    // A token minted before the deletion finds no room (LiveKit creates none by itself).
    await expect(connectParticipant(url, later)).rejects.toThrow();
    expect(await t.app.livekit.rooms.listRooms([groupId])).toEqual([]);
  }, 60_000);

  it('sends the people in it back to the plenary, with a token for it', async () => {
    const w = await t.world();
    try {
      await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
      const anna = await w.connect(w.anna);
      const ben = await w.connect(w.ben);
      await anna.inbox.waitFor('room:assigned', (a) => a.media.room.id === w.groupId);
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/events/${w.slug}/rooms/${w.groupId}`,
        headers: { cookie: w.organizer.cookie },
      });
      expect(deleted.statusCode, deleted.body).toBe(204);
      const back = await anna.inbox.waitFor(
        'room:assigned',
        (a) => a.media.room.id === w.plenaryId,
      );
      expect(back.media.room.kind).toBe('plenary');
      const joined = await connectParticipant(back.media.url, back.media.token);
      await joined.disconnect();
      // Ben was never in that group: nothing moves him.
      expect(ben.inbox.all('room:assigned').filter((a) => a.media.room.id === w.plenaryId)).toEqual(
        [],
      );
    } finally {
      w.close();
    }
  }, 60_000);
});
