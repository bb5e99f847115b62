import { describe, expect, it } from 'vitest';
import type { Member } from '../../test/fixtures.ts';
import { openMeeting } from '../../test/meeting.ts';
import { updateWorkingGroup } from '../rooms/service.ts';
import { ask, closeAll, connectAs, listen, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const askForHelp = async (member: Member, phaseId: string, roomId: string, message: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/phases/${phaseId}/rooms/${roomId}/help`,
    headers: { cookie: member.cookie },
    payload: { message },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: number };
};

describe('help requests', () => {
  it('organizers see every group’s calls, a moderator those of their group', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.groupId },
      { personId: w.ben.personId, roomId: w.otherGroupId },
    ]);
    const organizer = await w.connect(w.organizer);
    const moderator = await w.connect(w.moderator);
    const anna = await w.connect(w.anna);
    const mine = await askForHelp(w.anna, phaseId, w.groupId, 'Der Ton fehlt');
    const other = await askForHelp(w.ben, phaseId, w.otherGroupId, 'Wer moderiert?');
    await organizer.inbox.waitFor('help:requested', (r) => r.id === other.id);

    const all = await ok(organizer.socket, 'help:list', {});
    expect(all.requests.map((r) => [r.message, r.roomName, r.displayName, r.resolvedAt])).toEqual([
      ['Wer moderiert?', 'AG Wohnen', 'Ben', null],
      ['Der Ton fehlt', 'AG Mobilität', 'Anna', null],
    ]);
    const own = await ok(moderator.socket, 'help:list', {});
    expect(own.requests.map((r) => r.id)).toEqual([mine.id]);
    expect(await ask(anna.socket, 'help:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A moderator marks done only their own group's calls.
    expect(await ask(moderator.socket, 'help:done', { requestId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(organizer.socket, 'help:done', { requestId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('marking a call done stores who and when once, tells the others, and survives a restart', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
    const organizer = await w.connect(w.organizer);
    const moderator = await w.connect(w.moderator);
    const first = await askForHelp(w.anna, phaseId, w.groupId, 'Bitte kommen');
    const second = await askForHelp(w.anna, phaseId, w.groupId, 'Noch einmal');

    const done = await ok(moderator.socket, 'help:done', { requestId: first.id });
    expect(done.request).toMatchObject({ id: first.id, resolvedBy: 'Moritz Moderator' });
    expect(Date.parse(done.request.resolvedAt!)).not.toBeNaN();
    const heard = await organizer.inbox.waitFor('help:updated', (r) => r.id === first.id);
    expect(heard).toEqual(done.request);
    // Pressed again by someone else: the first one's name and time stay, nobody hears twice.
    const again = await ok(organizer.socket, 'help:done', { requestId: first.id });
    expect(again.request).toEqual(done.request);
    expect(await t.audited(w.event.id, 'help.resolve')).toBe(1);

    // Another node (or the same after a restart) lists from the database: open ones first.
    const restarted = await t.restart();
    const otherUrl = await listen(restarted);
    const fresh = await connectAs(otherUrl, w.organizer, w.slug);
    try {
      const list = await ok(fresh.socket, 'help:list', {});
      expect(list.requests.map((r) => [r.id, r.resolvedBy])).toEqual([
        [second.id, null],
        [first.id, 'Moritz Moderator'],
      ]);
    } finally {
      closeAll(fresh.socket);
    }
    expect(organizer.inbox.all('help:updated')).toHaveLength(1);
  });

  it('a call reaches the group’s moderators on each of their connections, also one named after they connected', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.ben.personId, roomId: w.otherGroupId },
    ]);
    const organizer = await w.connect(w.organizer);
    const moderator = await w.connect(w.moderator);
    const secondTab = await w.connect(w.moderator);
    const cem = await w.connect(w.cem);
    // Moritz is made moderator of AG Wohnen while his tabs are open.
    await updateWorkingGroup(
      t.app.db,
      w.event.id,
      w.otherGroupId,
      { moderatorIds: [w.moderator.personId] },
      w.organizer.personId,
    );
    const call = await askForHelp(w.ben, phaseId, w.otherGroupId, 'Der Beamer geht nicht');
    for (const tab of [moderator, secondTab, organizer]) {
      expect(await tab.inbox.waitFor('help:requested', (r) => r.id === call.id)).toMatchObject({
        roomName: 'AG Wohnen',
        displayName: 'Ben',
      });
    }
    expect(cem.inbox.all('help:requested')).toEqual([]);
  });
});
