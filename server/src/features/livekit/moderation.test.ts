import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/socket-world.ts';
import type { Member } from '../../test/fixtures.ts';
import { createWorld, type World } from '../../test/world.ts';
import { isRemovedFrom } from '../access/room-access.ts';

const t = useTestApp();
let w: World;

beforeAll(async () => {
  w = await createWorld(t.app, '');
});

const moderate = (by: Member, roomId: string, target: Member, action: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rooms/${roomId}/participants/${target.personId}/${action}`,
    headers: { cookie: by.cookie },
  });

describe('nobody removes, demotes or mutes a person of a higher role', () => {
  it('a moderator cannot remove, mute or demote the organizer', async () => {
    for (const action of ['remove', 'mute', 'demote']) {
      const res = await moderate(w.moderator, w.plenaryId, w.organizer, action);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(403);
      expect(res.json().error.message).toMatch(/higher role/);
    }
    expect(await isRemovedFrom(t.app.db, w.plenaryId, w.organizer.personId)).toBe(false);
  });

  it('a moderator cannot remove the organizer from a group they moderate either', async () => {
    const res = await moderate(w.moderator, w.groupId, w.organizer, 'remove');
    expect(res.statusCode, res.body).toBe(403);
    expect(await isRemovedFrom(t.app.db, w.groupId, w.organizer.personId)).toBe(false);
  });

  it('the organizer can remove a moderator, and a moderator an attendee', async () => {
    const byOrganizer = await moderate(w.organizer, w.plenaryId, w.moderator, 'remove');
    expect(byOrganizer.statusCode, byOrganizer.body).toBe(200);
    expect(await isRemovedFrom(t.app.db, w.plenaryId, w.moderator.personId)).toBe(true);
    const readmit = await moderate(w.organizer, w.plenaryId, w.moderator, 'readmit');
    expect(readmit.statusCode, readmit.body).toBe(200);

    const byModerator = await moderate(w.moderator, w.plenaryId, w.anna, 'remove');
    expect(byModerator.statusCode, byModerator.body).toBe(200);
  });
});
