import { beforeAll, describe, expect, it } from 'vitest';
import { AuditPage } from '@plenum/shared';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';

const t = useTestApp();
let slug: string;
let organizer: Member;
beforeAll(async () => {
  const event = await seedEvent(t.app);
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer', 'Olga Organisatorin');
});

const as = (member: Member, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: member.cookie }, ...(payload && { payload }) });
const page = async (query = '') => {
  const res = await as(organizer, 'GET', `/api/events/${slug}/audit${query}`);
  expect(res.statusCode).toBe(200);
  return AuditPage.parse(res.json());
};

describe('audit view', () => {
  it('an organizer pages through the audit log, newest first, with who did it', async () => {
    // Actions through the real routes, each audited by its service.
    await as(organizer, 'PATCH', `/api/events/${slug}`, { title: 'Forum Sozialplanung' });
    await as(organizer, 'POST', `/api/events/${slug}/rooms`, { name: 'AG 1' });
    await as(organizer, 'PATCH', `/api/events/${slug}/privacy`, { chatRetentionDays: 30 });

    const first = await page('?limit=2');
    expect(first.entries.map((e) => e.action)).toEqual(['privacy.update', 'room.create']);
    expect(first.entries[0]).toMatchObject({
      actor: { id: organizer.personId, displayName: 'Olga Organisatorin' },
      details: { chatRetentionDays: 30 },
    });
    expect(first.nextBefore).toBe(first.entries[1]!.id);

    const second = await page(`?limit=2&before=${first.nextBefore}`);
    expect(second.entries[0]!.action).toBe('event.update');
    const all = [...first.entries, ...second.entries];
    let next = second.nextBefore;
    while (next) {
      const more = await page(`?limit=2&before=${next}`);
      all.push(...more.entries);
      next = more.nextBefore;
    }
    // Strictly newest first, nothing twice, down to the event's creation by the system.
    const ids = all.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.at(-1)).toMatchObject({ action: 'event.create', actor: null });
    expect(all.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('an organizer narrows the audit log to one part of the event and pages within it', async () => {
    await as(organizer, 'POST', `/api/events/${slug}/rooms`, { name: 'AG 2' });
    await as(organizer, 'POST', `/api/events/${slug}/rooms`, { name: 'AG 3' });
    await as(organizer, 'PATCH', `/api/events/${slug}/privacy`, { chatRetentionDays: 14 });

    const rooms = await page('?area=room&limit=2');
    expect(rooms.entries.map((e) => e.action)).toEqual(['room.create', 'room.create']);
    expect(rooms.nextBefore).not.toBeNull();
    const older = await page(`?area=room&limit=2&before=${rooms.nextBefore}`);
    expect(older.entries.map((e) => e.action)).toEqual(['room.create']);
    expect(older.nextBefore).toBeNull();
    expect((await page('?area=privacy')).entries.every((e) => e.action === 'privacy.update')).toBe(
      true,
    );
    // An unknown area is refused, not read as a pattern.
    const refused = await as(organizer, 'GET', `/api/events/${slug}/audit?area=%25`);
    expect(refused.statusCode).toBe(400);
  });

  it('only organizers read the audit log; members of other events learn nothing', async () => {
    const event = await seedEvent(t.app);
    const moderator = await join(t.app, event.id, 'moderator');
    const attendee = await join(t.app, event.id, 'attendee');
    const url = `/api/events/${event.slug}/audit`;
    expect((await as(moderator, 'GET', url)).statusCode).toBe(403);
    expect((await as(attendee, 'GET', url)).statusCode).toBe(403);
    expect((await as(organizer, 'GET', url)).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await as(organizer, 'GET', `/api/events/${slug}/audit?limit=0`)).statusCode).toBe(400);
    expect((await as(organizer, 'GET', `/api/events/${slug}/audit?before=x`)).statusCode).toBe(400);
  });
});
