import { describe, expect, it } from 'vitest';
import type { Member } from '../../test/fixtures.ts';
import { openMeeting } from '../../test/meeting.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const notesOf = (member: Member, phaseId: string, roomId: string, body?: object) =>
  t.app.inject({
    method: body ? 'PUT' : 'GET',
    url: `/api/phases/${phaseId}/rooms/${roomId}/notes`,
    headers: { cookie: member.cookie },
    ...(body && { payload: body }),
  });

describe('a working group’s notes stay in the group while it meets', () => {
  it('a member of another group never receives the notes and cannot read them; the group, its moderator and the organizer can', async () => {
    const w = await t.world();
    // Anna in group 1 (moderated by the moderator), Ben in group 2.
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.groupId },
      { personId: w.ben.personId, roomId: w.otherGroupId },
    ]);
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const moderator = await w.connect(w.moderator);
    const organizer = await w.connect(w.organizer);

    const saved = await notesOf(w.anna, phaseId, w.groupId, {
      body: 'Vertraulicher Zwischenstand der AG Mobilität',
      baseVersion: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const isOurs = (n: { roomId: string; version: number }) =>
      n.roomId === w.groupId && n.version === 1;
    await anna.inbox.waitFor('notes:updated', isOurs);
    await moderator.inbox.waitFor('notes:updated', isOurs);
    await organizer.inbox.waitFor('notes:updated', isOurs);

    // A later save in Ben's own group: had group 1's reached Ben, it would have arrived before it.
    const own = await notesOf(w.ben, phaseId, w.otherGroupId, {
      body: 'AG Wohnen',
      baseVersion: 0,
    });
    expect(own.statusCode, own.body).toBe(200);
    await ben.inbox.waitFor('notes:updated', (n) => n.roomId === w.otherGroupId);
    expect(ben.inbox.all('notes:updated').map((n) => n.roomId)).toEqual([w.otherGroupId]);

    const read = await notesOf(w.ben, phaseId, w.groupId);
    expect([403, 404]).toContain(read.statusCode);
    expect(read.body).not.toContain('Vertraulicher');
    const results = await t.app.inject({
      url: `/api/phases/${phaseId}/results.md`,
      headers: { cookie: w.ben.cookie },
    });
    expect([403, 404]).toContain(results.statusCode);

    for (const reader of [w.anna, w.moderator, w.organizer]) {
      const res = await notesOf(reader, phaseId, w.groupId);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().body).toBe('Vertraulicher Zwischenstand der AG Mobilität');
    }
  });

  it('once the phase is closed, the groups’ notes are the results of the whole event', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);
    await notesOf(w.anna, phaseId, w.groupId, { body: 'Ergebnis', baseVersion: 0 });
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phaseId}/close`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const read = await notesOf(w.ben, phaseId, w.groupId);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().body).toBe('Ergebnis');
  });

  it('no save overwrites a text its author has not seen: the version check holds both ways', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.groupId },
      { personId: w.cem.personId, roomId: w.groupId },
    ]);
    const save = async (member: Member, body: string, baseVersion: number) =>
      notesOf(member, phaseId, w.groupId, { body, baseVersion });
    expect((await save(w.anna, '- Punkt A', 0)).statusCode).toBe(200);
    // Both start from version 1; Cem saves first.
    expect((await save(w.cem, '- Punkt A\n- Punkt C', 1)).json()).toMatchObject({ version: 2 });
    // Anna, still on version 1, is refused and shown Cem's text.
    const refused = await save(w.anna, '- Punkt A\n- Punkt B', 1);
    expect(refused.statusCode).toBe(409);
    expect((await notesOf(w.anna, phaseId, w.groupId)).json()).toMatchObject({
      version: 2,
      body: '- Punkt A\n- Punkt C',
    });
    // Having seen version 2, she keeps hers: saved against 2.
    const kept = await save(w.anna, '- Punkt A\n- Punkt B', 2);
    expect(kept.json()).toMatchObject({ version: 3, body: '- Punkt A\n- Punkt B' });
    // Cem, who has not seen version 3, cannot overwrite it with a save against 2.
    expect((await save(w.cem, '- Punkt C', 2)).statusCode).toBe(409);
    expect((await notesOf(w.cem, phaseId, w.groupId)).json()).toMatchObject({ version: 3 });
  });
});
