import { describe, expect, it } from 'vitest';
import type { PresencePerson } from '@plenum/shared';
import type { Member } from '../../test/fixtures.ts';
import { openMeeting } from '../../test/meeting.ts';
import { ok, type Inbox } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const moderate = (by: Member, roomId: string, personId: string, action: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rooms/${roomId}/participants/${personId}/${action}`,
    headers: { cookie: by.cookie },
  });

/** Waits for a presence update saying this about one person. */
const heard = (inbox: Inbox, personId: string, canPublish: boolean) =>
  inbox.waitFor('presence:updated', (u) =>
    u.people.some(
      (p) => p.personId === personId && p.canPublish === canPublish && p.promoted === canPublish,
    ),
  );

/** Per name: may publish, and whether by promotion. */
const rightsIn = (people: PresencePerson[]) =>
  Object.fromEntries(people.map((p) => [p.displayName, [p.canPublish, p.promoted]]));

describe('who may publish, in the people list', () => {
  it('the plenary: staff publish, attendees only when promoted — and the list follows live', async () => {
    const w = await t.world();
    const organizer = await w.connect(w.organizer);
    await w.connect(w.anna);
    const list = await ok(organizer.socket, 'presence:list', {});
    expect(rightsIn(list.people)).toMatchObject({
      // By role, not promoted: there is no word to take from her.
      'Olga Organisatorin': [true, false],
      Anna: [false, false],
      // Not connected: publishes nowhere.
      Ben: [false, false],
    });

    expect((await moderate(w.organizer, w.plenaryId, w.anna.personId, 'promote')).statusCode).toBe(
      200,
    );
    await heard(organizer.inbox, w.anna.personId, true);
    expect(rightsIn((await ok(organizer.socket, 'presence:list', {})).people).Anna).toEqual([
      true,
      true,
    ]);

    expect((await moderate(w.organizer, w.plenaryId, w.anna.personId, 'demote')).statusCode).toBe(
      200,
    );
    await heard(organizer.inbox, w.anna.personId, false);
    expect(rightsIn((await ok(organizer.socket, 'presence:list', {})).people).Anna).toEqual([
      false,
      false,
    ]);
  });

  it('taking a raised hand gives the word, and the list says so', async () => {
    const w = await t.world();
    const moderator = await w.connect(w.moderator);
    await ok(moderator.socket, 'presence:list', {});
    const ben = await w.connect(w.ben);
    await ok(ben.socket, 'hand:raise', { roomId: w.plenaryId });
    await ok(moderator.socket, 'hand:takeNext', { roomId: w.plenaryId });
    await heard(moderator.inbox, w.ben.personId, true);
  });

  it('in a working group everyone may publish', async () => {
    const w = await t.world();
    await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
    const anna = await w.connect(w.anna);
    const list = await ok(anna.socket, 'presence:list', {});
    const annaHere = list.people.find((p) => p.personId === w.anna.personId);
    expect(annaHere).toMatchObject({ roomId: w.groupId, canPublish: true, promoted: false });
  });
});
