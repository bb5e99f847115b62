import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { agendaForum } from './forum.fixture.ts';

const t = useTestApp();

const forum = () => agendaForum(t.app);

describe('agenda editing', () => {
  it('an organizer adds an item; it is stored in UTC in the plenary and audited', async () => {
    const f = await forum();
    const item = await f.add('Eröffnung', '2026-03-12T09:00:00+01:00', 30, {
      kind: 'opening',
      speakers: [{ name: 'Dr. Jürgen Weiß', affiliation: 'Stadt Münster' }],
    });
    expect(item).toMatchObject({
      startsAt: '2026-03-12T08:00:00.000Z',
      roomId: f.plenaryId,
      kind: 'opening',
      actualStartAt: null,
    });
    expect(await f.agenda()).toEqual([item]);
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.target, item.id));
    expect(audit).toMatchObject([{ action: 'agenda.create', actorId: f.organizer.personId }]);
  });

  it('attendees and moderators may read the agenda but not edit or run it', async () => {
    const f = await forum();
    const item = await f.add('Vortrag', '2026-03-12T10:00:00+01:00', 30);
    for (const who of [f.attendee, f.moderator]) {
      const post = await f.call(who, 'POST', '', {
        title: 'Heimlich',
        startsAt: '2026-03-12T11:00:00+01:00',
        durationMinutes: 30,
      });
      expect(post.statusCode).toBe(403);
      expect(post.json().error.message).toMatch(/does not allow you to edit the agenda/);
      expect((await f.call(who, 'PATCH', `/${item.id}`, { title: 'X' })).statusCode).toBe(403);
      expect((await f.call(who, 'DELETE', `/${item.id}`)).statusCode).toBe(403);
      const start = await f.call(who, 'POST', `/${item.id}/start`);
      expect(start.statusCode).toBe(403);
      expect(start.json().error.message).toMatch(/run the schedule/);
    }
    expect(await f.agenda()).toEqual([item]);
  });

  it('people without a session get 401, members of other events 404', async () => {
    const f = await forum();
    const other = await seedEvent(t.app);
    const stranger = await join(t.app, other.id, 'organizer');
    expect((await f.call(null, 'GET', '')).statusCode).toBe(401);
    expect((await f.call(stranger, 'GET', '')).statusCode).toBe(404);
    expect((await f.call(stranger, 'GET', '.ics')).statusCode).toBe(404);
  });

  it('a working-group phase has no room; other items belong to the plenary only', async () => {
    const f = await forum();
    const group = await createWorkingGroup(
      t.app.db,
      f.event.id,
      { name: 'AG 1', description: '', capacity: 40, moderatorIds: [] },
      null,
    );
    const phase = await f.add('Arbeitsgruppen', '2026-03-12T13:30:00+01:00', 60, {
      kind: 'working_group_phase',
    });
    expect(phase.roomId).toBeNull();
    const breakItem = await f.add('Pause', '2026-03-12T13:30:00+01:00', 15, {
      kind: 'break',
      roomId: null,
    });
    expect(breakItem.roomId).toBe(f.plenaryId);
    const inGroup = await f.call(f.organizer, 'POST', '', {
      title: 'Vortrag in der AG',
      startsAt: '2026-03-12T15:00:00+01:00',
      durationMinutes: 30,
      roomId: group.id,
    });
    expect(inGroup.statusCode).toBe(400);
    expect(inGroup.json().error.fields).toHaveProperty('body.roomId');
    const phaseInPlenary = await f.call(f.organizer, 'POST', '', {
      title: 'Phase',
      kind: 'working_group_phase',
      startsAt: '2026-03-12T16:00:00+01:00',
      durationMinutes: 30,
      roomId: f.plenaryId,
    });
    expect(phaseInPlenary.statusCode).toBe(400);
  });

  it('an overlapping item is refused with 409 naming the other item, and nothing is stored', async () => {
    const f = await forum();
    const talk = await f.add('Sozialplanung in Münster', '2026-03-12T10:00:00+01:00', 30);
    const res = await f.call(f.organizer, 'POST', '', {
      title: 'Zu früh',
      startsAt: '2026-03-12T10:15:00+01:00',
      durationMinutes: 30,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', reason: 'overlap' });
    expect(res.json().error.message).toContain(
      '"Sozialplanung in Münster" (2026-03-12 10:00–10:30',
    );
    expect(res.json().error.fields['body.startsAt']).toContain(talk.id);
    expect(await f.agenda()).toHaveLength(1);
    await f.add('Direkt danach', '2026-03-12T10:30:00+01:00', 30);
  });

  it('bad fields answer 400 naming them', async () => {
    const f = await forum();
    const post = (body: object) =>
      f.call(f.organizer, 'POST', '', {
        title: 'Vortrag',
        startsAt: '2026-03-12T10:00:00+01:00',
        durationMinutes: 30,
        ...body,
      });
    const cases: [object, string][] = [
      [{ title: 'x'.repeat(201) }, 'body.title'],
      [{ durationMinutes: 0 }, 'body.durationMinutes'],
      [{ durationMinutes: 1441 }, 'body.durationMinutes'],
      [{ startsAt: '2026-03-12T10:00:00' }, 'body.startsAt'],
      [{ startsAt: '2026-03-14T10:00:00+01:00' }, 'body.startsAt'],
      [{ kind: 'party' }, 'body.kind'],
      [{ speakers: [{ affiliation: 'Ohne Namen' }] }, 'body.speakers.0.name'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect(await f.agenda()).toEqual([]);
  });

  it('a speaker may be a member of the event, whose display name is filled in', async () => {
    const f = await forum();
    const item = await f.add('Moderation', '2026-03-12T10:00:00+01:00', 30, {
      speakers: [{ personId: f.moderator.personId, affiliation: 'Verein' }, { name: 'Gast' }],
    });
    expect(item.speakers).toEqual([
      { name: 'Moritz Moderator', affiliation: 'Verein', personId: f.moderator.personId },
      { name: 'Gast' },
    ]);
    const stranger = await f.call(f.organizer, 'POST', '', {
      title: 'X',
      startsAt: '2026-03-12T11:00:00+01:00',
      durationMinutes: 30,
      speakers: [{ personId: crypto.randomUUID() }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields).toHaveProperty('body.speakers.0.personId');
  });

  it('an organizer edits and deletes items; edits are checked like new items', async () => {
    const f = await forum();
    const a = await f.add('A', '2026-03-12T10:00:00+01:00', 30);
    const b = await f.add('B', '2026-03-12T11:00:00+01:00', 30);
    const moved = await f.call(f.organizer, 'PATCH', `/${b.id}`, {
      startsAt: '2026-03-12T10:30:00+01:00',
      title: 'B neu',
    });
    expect(moved.json()).toMatchObject({ title: 'B neu', startsAt: '2026-03-12T09:30:00.000Z' });
    const longer = await f.call(f.organizer, 'PATCH', `/${b.id}`, { durationMinutes: 90 });
    expect(longer.statusCode).toBe(200);
    const intoA = await f.call(f.organizer, 'PATCH', `/${b.id}`, {
      startsAt: '2026-03-12T10:15:00+01:00',
    });
    expect(intoA.statusCode).toBe(409);
    const asPhase = await f.call(f.organizer, 'PATCH', `/${b.id}`, {
      kind: 'working_group_phase',
      startsAt: '2026-03-12T10:15:00+01:00',
    });
    expect(asPhase.json()).toMatchObject({ roomId: null, kind: 'working_group_phase' });
    expect((await f.call(f.organizer, 'PATCH', `/${a.id}`, {})).statusCode).toBe(400);

    expect((await f.call(f.organizer, 'DELETE', `/${a.id}`)).statusCode).toBe(204);
    expect((await f.call(f.organizer, 'DELETE', `/${a.id}`)).statusCode).toBe(404);
    expect((await f.agenda()).map((i) => i.title)).toEqual(['B neu']);
    const actions = (
      await t.app.db.select().from(auditLog).where(eq(auditLog.eventId, f.event.id))
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['agenda.update', 'agenda.delete']));
  });
});
