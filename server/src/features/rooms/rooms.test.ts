import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { auditLog } from '../../db/schema/index.ts';

const t = useTestApp();
let slug: string;
let organizer: Member;
let moderator: Member;
let attendee: Member;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer');
  moderator = await join(t.app, event.id, 'moderator');
  attendee = await join(t.app, event.id, 'attendee');
});

const call = (
  member: Member | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, payload, headers: member ? { cookie: member.cookie } : {} });

describe('events and working groups', () => {
  it('every event has exactly one plenary from the start', async () => {
    const res = await call(attendee, 'GET', `/api/events/${slug}/rooms`);
    expect(res.statusCode).toBe(200);
    expect(res.json().filter((r: { kind: string }) => r.kind === 'plenary')).toHaveLength(1);
  });

  it('an organizer adds a working group with capacity and moderator, audited', async () => {
    const res = await call(organizer, 'POST', `/api/events/${slug}/rooms`, {
      name: 'AG Daten',
      capacity: 40,
      moderatorIds: [moderator.personId],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'working_group',
      capacity: 40,
      moderatorIds: [moderator.personId],
    });
    const audit = await t.app.db.select().from(auditLog);
    expect(audit.some((a) => a.action === 'room.create' && a.actorId === organizer.personId)).toBe(
      true,
    );
  });

  it('an attendee cannot add, edit or delete working groups', async () => {
    const res = await call(attendee, 'POST', `/api/events/${slug}/rooms`, { name: 'Heimlich' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/does not allow you to manage rooms/);
  });

  it('a moderator must be a moderator of the event', async () => {
    const res = await call(organizer, 'POST', `/api/events/${slug}/rooms`, {
      name: 'AG X',
      moderatorIds: [attendee.personId],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('body.moderatorIds');
  });

  it('bad room input gets 400 naming the fields', async () => {
    const res = await call(organizer, 'POST', `/api/events/${slug}/rooms`, {
      name: 'x'.repeat(201),
      capacity: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(
      expect.arrayContaining(['body.name', 'body.capacity']),
    );
  });

  it('the plenary cannot be deleted', async () => {
    const rooms = (await call(organizer, 'GET', `/api/events/${slug}/rooms`)).json();
    const plenary = rooms.find((r: { kind: string }) => r.kind === 'plenary');
    const res = await call(organizer, 'DELETE', `/api/events/${slug}/rooms/${plenary.id}`);
    expect(res.statusCode).toBe(400);
  });

  it('an organizer edits the event; titles over 200 characters are refused', async () => {
    const ok = await call(organizer, 'PATCH', `/api/events/${slug}`, { title: 'Neuer Titel' });
    expect(ok.json().title).toBe('Neuer Titel');
    const long = await call(organizer, 'PATCH', `/api/events/${slug}`, { title: 'x'.repeat(201) });
    expect(long.statusCode).toBe(400);
    const wrongEnd = await call(organizer, 'PATCH', `/api/events/${slug}`, {
      endsAt: '2000-01-01T00:00:00Z',
    });
    expect(wrongEnd.statusCode).toBe(400);
    const bySpeaker = await call(attendee, 'PATCH', `/api/events/${slug}`, { title: 'Gekapert' });
    expect(bySpeaker.statusCode).toBe(403);
  });

  it('an event is invisible to non-members and to people without a session', async () => {
    const other = await seedEvent(t.app);
    expect((await call(attendee, 'GET', `/api/events/${other.slug}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/api/events/${slug}`)).statusCode).toBe(401);
  });

  it('only organizers create events, with a unique slug', async () => {
    const input = {
      slug: 'neues-forum',
      title: 'Neues Forum',
      startsAt: '2026-05-01T08:00:00Z',
      endsAt: '2026-05-01T16:00:00Z',
    };
    expect((await call(attendee, 'POST', '/api/events', input)).statusCode).toBe(403);
    const created = await call(organizer, 'POST', '/api/events', input);
    expect(created.statusCode).toBe(201);
    expect(created.json().timeZone).toBe('Europe/Berlin');
    expect((await call(organizer, 'POST', '/api/events', input)).statusCode).toBe(409);
  });

  it('an unknown route answers 404 JSON', async () => {
    const res = await call(null, 'GET', '/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
