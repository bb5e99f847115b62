import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { assignments, phases } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

const t = useTestApp();
let slug: string;
let organizer: Member;
let attendee: Member;
let smallGroup: string;
let bigGroup: string;
let foreignGroup: string;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer');
  attendee = await join(t.app, event.id, 'attendee', 'Erste');
  smallGroup = (
    await createWorkingGroup(
      t.app.db,
      event.id,
      { name: 'Klein', description: '', capacity: 1, moderatorIds: [] },
      null,
    )
  ).id;
  bigGroup = (
    await createWorkingGroup(
      t.app.db,
      event.id,
      { name: 'Groß', description: '', capacity: null, moderatorIds: [] },
      null,
    )
  ).id;
  const other = await seedEvent(t.app);
  foreignGroup = (
    await createWorkingGroup(
      t.app.db,
      other.id,
      { name: 'Fremd', description: '', capacity: null, moderatorIds: [] },
      null,
    )
  ).id;
});

const api = (
  member: Member,
  method: 'POST' | 'GET',
  url: string,
  payload?: object | string,
  contentType?: string,
) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { cookie: member.cookie, ...(contentType && { 'content-type': contentType }) },
  });

async function newPhase(roomIds = [smallGroup, bigGroup], selfSelect = true) {
  const res = await api(organizer, 'POST', `/api/events/${slug}/phases`, {
    title: 'Phase',
    roomIds,
    durationMinutes: 30,
    selfSelect,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('working-group phases refuse bad input and keep nothing half-applied', () => {
  it('a group of another event cannot be part of a phase', async () => {
    const res = await api(organizer, 'POST', `/api/events/${slug}/phases`, {
      title: 'X',
      roomIds: [foreignGroup],
      durationMinutes: 30,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('body.roomIds');
  });

  it('a phase of one minute can be set up and opened (a rehearsal); shorter is refused', async () => {
    const short = await api(organizer, 'POST', `/api/events/${slug}/phases`, {
      title: 'Probe',
      roomIds: [bigGroup],
      durationMinutes: 1,
    });
    expect(short.statusCode, short.body).toBe(201);
    const opened = await api(organizer, 'POST', `/api/phases/${short.json().id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    const left = Date.parse(opened.json().deadlineAt) - Date.now();
    expect(left).toBeGreaterThan(30_000);
    expect(left).toBeLessThanOrEqual(60_000);
    expect((await api(organizer, 'POST', `/api/phases/${short.json().id}/close`)).statusCode).toBe(
      200,
    );
    const none = await api(organizer, 'POST', `/api/events/${slug}/phases`, {
      title: 'Null',
      roomIds: [bigGroup],
      durationMinutes: 0,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('body.durationMinutes');
  });

  it('only organizers set up, open and close phases', async () => {
    const res = await api(attendee, 'POST', `/api/events/${slug}/phases`, {
      title: 'X',
      roomIds: [bigGroup],
      durationMinutes: 30,
    });
    expect(res.statusCode).toBe(403);
    const phaseId = await newPhase();
    expect((await api(attendee, 'POST', `/api/phases/${phaseId}/open`)).statusCode).toBe(403);
  });

  it('a full group refuses self-select with a clear message', async () => {
    const phaseId = await newPhase();
    const second = await join(
      t.app,
      (await t.app.db.select().from(phases).where(eq(phases.id, phaseId)))[0]!.eventId,
      'attendee',
      'Zweite',
    );
    expect(
      (await api(attendee, 'POST', `/api/phases/${phaseId}/choose`, { roomId: smallGroup }))
        .statusCode,
    ).toBe(200);
    const full = await api(second, 'POST', `/api/phases/${phaseId}/choose`, { roomId: smallGroup });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe('Klein is full (1 places).');
  });

  it('self-select is refused where the organizers assign', async () => {
    const phaseId = await newPhase([bigGroup], false);
    const res = await api(attendee, 'POST', `/api/phases/${phaseId}/choose`, { roomId: bigGroup });
    expect(res.statusCode).toBe(403);
  });

  it('moving into a group of another event or outside the phase is refused', async () => {
    const phaseId = await newPhase([bigGroup]);
    const res = await api(organizer, 'POST', `/api/phases/${phaseId}/move`, {
      personId: attendee.personId,
      roomId: foreignGroup,
    });
    expect(res.statusCode).toBe(404);
    expect(await t.app.db.$count(assignments, eq(assignments.phaseId, phaseId))).toBe(0);
  });

  it('negative or absurd extensions, and extending a phase that is not open, are refused', async () => {
    const phaseId = await newPhase([bigGroup]);
    for (const minutes of [-5, 0, 100000, 'viel']) {
      expect(
        (await api(organizer, 'POST', `/api/phases/${phaseId}/extend`, { minutes })).statusCode,
      ).toBe(400);
    }
    expect(
      (await api(organizer, 'POST', `/api/phases/${phaseId}/extend`, { minutes: 5 })).statusCode,
    ).toBe(409);
  });

  it('closing a phase that never opened is refused', async () => {
    const phaseId = await newPhase([bigGroup]);
    const res = await api(organizer, 'POST', `/api/phases/${phaseId}/close`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('This phase has not been opened.');
  });

  it('a CSV without the needed columns, or not CSV at all, is refused and assigns nobody', async () => {
    const phaseId = await newPhase([bigGroup]);
    const wrong = await api(
      organizer,
      'POST',
      `/api/phases/${phaseId}/preassign`,
      'Vorname;Nachname\nA;B\n',
      'text/csv',
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/Arbeitsgruppe/);
    const json = await api(organizer, 'POST', `/api/phases/${phaseId}/preassign`, { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(await t.app.db.$count(assignments, eq(assignments.phaseId, phaseId))).toBe(0);
  });
});

describe('a phase tells those who choose what each group is', () => {
  it('lists each group’s description and its moderators by name', async () => {
    const event = await seedEvent(t.app);
    const boss = await join(t.app, event.id, 'organizer');
    const moderator = await join(t.app, event.id, 'moderator', 'Mona Moderatorin');
    const room = await createWorkingGroup(
      t.app.db,
      event.id,
      {
        name: 'Wohnen',
        description: 'Bezahlbarer Wohnraum im Quartier',
        capacity: 10,
        moderatorIds: [moderator.personId],
      },
      null,
    );
    const created = await api(boss, 'POST', `/api/events/${event.slug}/phases`, {
      title: 'Wahl',
      roomIds: [room.id],
      durationMinutes: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    const listed = await api(boss, 'GET', `/api/events/${event.slug}/phases`);
    expect(listed.json()[0].groups[0]).toMatchObject({
      description: 'Bezahlbarer Wohnraum im Quartier',
      moderators: [{ personId: moderator.personId, displayName: 'Mona Moderatorin' }],
    });
  });
});
