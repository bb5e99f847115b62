import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { TokenVerifier } from 'livekit-server-sdk';
import { inject } from 'vitest';
import type { RoomAssigned } from '@plenum/shared';
import { phases } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { NotesPeer, eventually } from '../../test/notes.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import {
  closeAll,
  connectAs,
  listen,
  ok,
  type Inbox,
  type ClientSocket,
} from '../../test/sockets.ts';
import { createWorkingGroup } from '../rooms/service.ts';

/**
 * The reference day in DESIGN.md, rehearsed with real Socket.IO clients: 1 organizer,
 * 3 moderators, 30 attendees; mixed assignment, a move, a broadcast, notes, and a deadline that
 * closes the phase on a restarted server.
 */
let t: TestApp;
let url: string;
let slug: string;
let organizer: Member;
const moderators: Member[] = [];
const attendees: Member[] = [];
const groupIds: string[] = [];
let plenaryId: string;
let phaseId: string;
const clients = new Map<string, { socket: ClientSocket; inbox: Inbox }>();
const verifier = () => new TokenVerifier(inject('livekit').apiKey, inject('livekit').apiSecret);

const api = (
  member: Member,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  payload?: object,
) => t.app.inject({ method, url: path, payload, headers: { cookie: member.cookie } });

async function connectEveryone(to: string) {
  await closeAll(...[...clients.values()].map((c) => c.socket));
  clients.clear();
  for (const member of [organizer, ...moderators, ...attendees]) {
    clients.set(member.personId, await connectAs(to, member, slug));
  }
}

async function assignedTo(member: Member, reason: RoomAssigned['reason']) {
  const inbox = clients.get(member.personId)!.inbox;
  return inbox.waitFor('room:assigned', (a) => a.reason === reason);
}

beforeAll(async () => {
  t = await createTestApp({}, { deadlineCheckMs: 200 });
  url = await listen(t.app);
  const event = await seedEvent(t.app);
  slug = event.slug;
  organizer = await join(t.app, event.id, 'organizer', 'Olga Organisatorin');
  for (const name of ['Dr. Katrin Vogt', 'Jens Albers', 'Miriam Özdemir']) {
    moderators.push(await join(t.app, event.id, 'moderator', name));
  }
  for (let i = 1; i <= 30; i++)
    attendees.push(await join(t.app, event.id, 'attendee', `Teilnehmende ${i}`));
  for (const [i, name] of ['AG 1: Daten', 'AG 2: Beteiligung', 'AG 3: Steuerung'].entries()) {
    const group = await createWorkingGroup(
      t.app.db,
      event.id,
      { name, description: '', capacity: 12, moderatorIds: [moderators[i]!.personId] },
      null,
    );
    groupIds.push(group.id);
  }
  plenaryId = (await api(organizer, 'GET', `/api/events/${slug}/rooms`)).json()[0].id;
  await connectEveryone(url);
}, 120_000);

afterAll(async () => {
  await closeAll(...[...clients.values()].map((c) => c.socket));
  await t.close();
});

describe('rehearsal of the forum day', () => {
  it('the agenda runs live: a talk starts, a delay shifts every later item, everyone sees it', async () => {
    const plan = [
      {
        kind: 'opening',
        title: 'Begrüßung',
        startsAt: '2026-03-12T08:00:00Z',
        durationMinutes: 30,
      },
      { kind: 'talk', title: 'Arnsberg', startsAt: '2026-03-12T08:30:00Z', durationMinutes: 30 },
      {
        kind: 'working_group_phase',
        title: 'Arbeitsgruppen',
        startsAt: '2026-03-12T09:15:00Z',
        durationMinutes: 60,
      },
    ];
    const ids: string[] = [];
    for (const item of plan) {
      const res = await api(organizer, 'POST', `/api/events/${slug}/agenda`, item);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    expect(
      (await api(organizer, 'POST', `/api/events/${slug}/agenda/${ids[0]}/start`)).statusCode,
    ).toBe(200);
    const shifted = await api(organizer, 'POST', `/api/events/${slug}/agenda/${ids[1]}/shift`, {
      minutes: 10,
    });
    expect(shifted.statusCode, shifted.body).toBe(200);
    const update = await clients
      .get(attendees[7]!.personId)!
      .inbox.waitFor('agenda:updated', (u) =>
        u.items.some((i) => i.id === ids[2] && i.startsAt === '2026-03-12T09:25:00.000Z'),
      );
    expect(update.items.find((i) => i.id === ids[1])!.startsAt).toBe('2026-03-12T08:40:00.000Z');
    expect(update.items.find((i) => i.id === ids[0])!.actualStartAt).not.toBeNull();
  });

  it('the organizer sets up a phase with three groups', async () => {
    const res = await api(organizer, 'POST', `/api/events/${slug}/phases`, {
      title: 'Parallele Arbeitsgruppen',
      roomIds: groupIds,
      durationMinutes: 60,
    });
    expect(res.statusCode).toBe(201);
    phaseId = res.json().id;
    expect(res.json().groups.map((g: { capacity: number }) => g.capacity)).toEqual([12, 12, 12]);
  });

  it('five attendees choose AG 1 themselves; an attendee cannot move others', async () => {
    for (const a of attendees.slice(0, 5)) {
      expect(
        (await api(a, 'POST', `/api/phases/${phaseId}/choose`, { roomId: groupIds[0] })).statusCode,
      ).toBe(200);
    }
    const refused = await api(attendees[0]!, 'POST', `/api/phases/${phaseId}/move`, {
      personId: attendees[1]!.personId,
      roomId: groupIds[1],
    });
    expect(refused.statusCode).toBe(403);
  });

  it('a CSV in Windows-1252 pre-assigns six to AG 2 and reports the row that matched nobody', async () => {
    const lines = [
      'Name;Arbeitsgruppe',
      ...attendees.slice(5, 11).map((a, i) => `Teilnehmende ${i + 6};AG 2: Beteiligung`),
      'Jürgen Unbekannt;AG 2: Beteiligung',
    ];
    const bytes = Buffer.from(lines.join('\r\n'), 'latin1');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phaseId}/preassign`,
      payload: bytes,
      headers: { cookie: organizer.cookie, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().assigned).toBe(6);
    expect(res.json().unmatched).toEqual([
      {
        line: 8,
        text: 'Jürgen Unbekannt; AG 2: Beteiligung',
        reason: 'no participant with this e-mail or name',
      },
    ]);
  });

  it('opening moves everyone into a group by themselves, each with a token valid only there', async () => {
    const res = await api(organizer, 'POST', `/api/phases/${phaseId}/open`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('open');
    expect(
      res.json().groups.reduce((n: number, g: { assigned: number }) => n + g.assigned, 0),
    ).toBe(30);
    const assignments = (await api(organizer, 'GET', `/api/phases/${phaseId}/assignments`)).json();
    const roomOf = new Map(
      assignments.map((a: { personId: string; roomId: string }) => [a.personId, a.roomId]),
    );
    for (const a of attendees.slice(0, 5)) expect(roomOf.get(a.personId)).toBe(groupIds[0]);
    for (const a of attendees.slice(5, 11)) expect(roomOf.get(a.personId)).toBe(groupIds[1]);

    for (const member of [...attendees, ...moderators]) {
      const assigned = await assignedTo(member, 'phase_opened');
      const expected = roomOf.get(member.personId) ?? groupIds[moderators.indexOf(member)];
      expect(assigned.media.room.id).toBe(expected);
      expect(assigned.deadlineAt).not.toBeNull();
      const claims = await verifier().verify(assigned.media.token);
      expect(claims.video).toMatchObject({ room: expected, canPublish: true });
    }
    // The organizer stays in the plenary.
    expect(clients.get(organizer.personId)!.inbox.all('room:assigned')).toHaveLength(0);
  });

  it('opening a phase twice is refused', async () => {
    const res = await api(organizer, 'POST', `/api/phases/${phaseId}/open`);
    expect(res.statusCode).toBe(409);
  });

  it('the organizer moves one person mid-phase; a full group refuses more', async () => {
    const mover = attendees[0]!;
    const res = await api(organizer, 'POST', `/api/phases/${phaseId}/move`, {
      personId: mover.personId,
      roomId: groupIds[2],
    });
    expect(res.statusCode).toBe(200);
    const moved = await assignedTo(mover, 'moved');
    expect(moved.media.room.id).toBe(groupIds[2]);
    expect((await verifier().verify(moved.media.token)).video?.room).toBe(groupIds[2]);
    // AG 3 is now exactly full: the organizer caps it at its current size, and it refuses one more.
    const groups = res.json().groups as { roomId: string; assigned: number }[];
    const third = groups.find((g) => g.roomId === groupIds[2])!;
    const capped = await api(organizer, 'PATCH', `/api/events/${slug}/rooms/${third.roomId}`, {
      capacity: third.assigned,
    });
    expect(capped.statusCode).toBe(200);
    const someone = attendees[1]!;
    const refused = await api(organizer, 'POST', `/api/phases/${phaseId}/move`, {
      personId: someone.personId,
      roomId: third.roomId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      `AG 3: Steuerung is full (${third.assigned} places).`,
    );
  });

  it('a broadcast to all groups reaches every attendee', async () => {
    const sent = await ok(clients.get(organizer.personId)!.socket, 'chat:announce', {
      scope: 'working_groups',
      clientId: crypto.randomUUID(),
      body: 'Noch 5 Minuten!',
    });
    for (const a of attendees) {
      await clients.get(a.personId)!.inbox.waitFor('chat:message', (m) => m.id === sent.message.id);
    }
  });

  it('two people writing the group notes at once: both texts are kept, an outsider is refused', async () => {
    const assignments = (await api(organizer, 'GET', `/api/phases/${phaseId}/assignments`)).json();
    const inGroup = assignments
      .filter((a: { roomId: string }) => a.roomId === groupIds[1])
      .map((a: { personId: string }) => attendees.find((m) => m.personId === a.personId)!);
    const doc = { kind: 'group' as const, phaseId, roomId: groupIds[1]! };
    const [first, second] = inGroup
      .slice(0, 2)
      .map((m: Member) => new NotesPeer(doc, clients.get(m.personId)!.socket));
    expect((await Promise.all([first!.open(), second!.open()])).map((a) => a.ok)).toEqual([
      true,
      true,
    ]);
    first!.text.insert(0, '# Ergebnisse\n- Daten teilen\n');
    second!.text.insert(0, '# Unsere Ergebnisse\n');
    const acks = await Promise.all([first!.flush(), second!.flush()]);
    expect(acks.map((a) => a.ok)).toEqual([true, true]);
    await eventually(() => first!.toString() === second!.toString(), 'one text for both');
    expect(first!.toString()).toContain('- Daten teilen');
    expect(first!.toString()).toContain('# Unsere Ergebnisse');
    const outsider = attendees.find((a) => !inGroup.includes(a))!;
    const stranger = new NotesPeer(doc, clients.get(outsider.personId)!.socket);
    expect(await stranger.open()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('after a server restart the deadline still closes the phase and everyone is back in the plenary with plenary rights', async () => {
    await closeAll(...[...clients.values()].map((c) => c.socket));
    await t.app.close();
    const app2 = await t.restart();
    t.app = app2;
    const url2 = await listen(app2);
    await connectEveryone(url2);
    // People who connect while the phase is open get their group on connect.
    const reconnected = await assignedTo(attendees[3]!, 'reconnected');
    expect(groupIds).toContain(reconnected.media.room.id);

    await app2.db
      .update(phases)
      .set({ deadlineAt: sql`now() - interval '1 second'` })
      .where(eq(phases.id, phaseId));
    for (const member of [...attendees, ...moderators, organizer]) {
      const back = await assignedTo(member, 'phase_closed');
      expect(back.media.room.id).toBe(plenaryId);
      const claims = await verifier().verify(back.media.token);
      expect(claims.video?.room).toBe(plenaryId);
      expect(claims.video?.canPublish).toBe(member.role !== 'attendee');
    }
    const [row] = await app2.db.select().from(phases).where(eq(phases.id, phaseId));
    expect(row!.status).toBe('closed');
    expect((await api(organizer, 'POST', `/api/phases/${phaseId}/close`)).statusCode).toBe(409);
  }, 60_000);

  it('the groups’ notes come back as one Markdown document', async () => {
    const res = await api(attendees[0]!, 'GET', `/api/phases/${phaseId}/results.md`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/markdown/);
    expect(res.body).toMatch(/## AG 2: Beteiligung\n\n# (Unsere )?Ergebnisse/);
    expect(res.body).toMatch(/## AG 1: Daten\n\n_\(keine Notizen\)_/);
  });
});
