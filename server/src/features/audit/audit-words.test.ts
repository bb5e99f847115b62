import { beforeAll, describe, expect, it } from 'vitest';
import { AuditPage } from '@plenum/shared';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { setInterpreter } from '../stage/service.ts';

const t = useTestApp();
let slug: string;
let organizer: Member;
let attendee: Member;
let roomId: string;
let eventId: string;
beforeAll(async () => {
  const event = await seedEvent(t.app);
  eventId = event.id;
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer', 'Miriam Özdemir');
  attendee = await join(t.app, event.id, 'attendee', '=Anna; Arnsberg');
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/events/${slug}/rooms`,
    headers: { cookie: organizer.cookie },
    payload: { name: 'AG 2' },
  });
  expect(created.statusCode).toBe(201);
  roomId = created.json().id;
  const renamed = await t.app.inject({
    method: 'PATCH',
    url: `/api/events/${slug}/rooms/${roomId}`,
    headers: { cookie: organizer.cookie },
    payload: { name: 'AG 2 – Mobilität' },
  });
  expect(renamed.statusCode).toBe(200);
});

const get = (path: string, member: Member = organizer) =>
  t.app.inject({ url: `/api/events/${slug}/${path}`, headers: { cookie: member.cookie } });

describe('the audit log in words', () => {
  it('names the actor and the target as they are now, not by id', async () => {
    const res = await get('audit?area=room');
    expect(res.statusCode).toBe(200);
    const { entries } = AuditPage.parse(res.json());
    expect(entries.map((e) => [e.action, e.actor?.displayName, e.targetName])).toEqual([
      ['room.update', 'Miriam Özdemir', 'AG 2 – Mobilität'],
      ['room.create', 'Miriam Özdemir', 'AG 2 – Mobilität'],
    ]);
    expect(entries[0]!.target).toBe(roomId);
  });

  it('names whom the stage marked as interpreter, under the stage area', async () => {
    await setInterpreter(t.app.db, eventId, attendee.personId, true, organizer.personId);
    const res = await t.app.inject({
      url: `/api/events/${slug}/audit?area=stage`,
      headers: { cookie: organizer.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = AuditPage.parse(res.json()).entries;
    expect(entry).toMatchObject({ action: 'stage.interpreter', targetName: '=Anna; Arnsberg' });
  });

  it('a deleted target keeps the name its service recorded', async () => {
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${slug}/rooms/${roomId}`,
      headers: { cookie: organizer.cookie },
    });
    expect(deleted.statusCode).toBeLessThan(300);
    const { entries } = AuditPage.parse((await get('audit?area=room')).json());
    expect(entries[0]).toMatchObject({
      action: 'room.delete',
      targetName: 'AG 2 – Mobilität',
      target: roomId,
    });
  });

  it('exports the whole log as CSV for spreadsheets, oldest first, names in words', async () => {
    const res = await get('audit.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="protokoll-${slug}.csv"`);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = res.body.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('Zeitpunkt;Wer;Aktion;Betrifft;Einzelheiten');
    expect(rows[1]).toMatch(/^2026-\d\d-\d\d \d\d:\d\d;System;event\.create;/);
    expect(rows).toContainEqual(
      expect.stringMatching(
        /^\d{4}-\d\d-\d\d \d\d:\d\d;Miriam Özdemir;room\.update;AG 2 – Mobilität;"\{""name""/,
      ),
    );
    expect(rows.at(-1)).toMatch(/;Miriam Özdemir;room\.delete;AG 2 – Mobilität;/);
  });

  it('only organizers export the audit log', async () => {
    expect((await get('audit.csv', attendee)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ url: `/api/events/${slug}/audit.csv` });
    expect(anonymous.statusCode).toBe(401);
  });
});
