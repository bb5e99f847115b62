import { beforeAll, describe, expect, it } from 'vitest';
import { PersonExport } from '@plenum/shared';
import { useTestApp } from '../../test/socket-world.ts';
import { join, redeem, type Member } from '../../test/fixtures.ts';
import { createPhaseWorld, leaveTraces, type PhaseWorld } from '../../test/world.ts';

const t = useTestApp();
let e1: PhaseWorld;
let e2: PhaseWorld;
let dana: Member;
let ben: Member;

beforeAll(async () => {
  e1 = await createPhaseWorld(t.app);
  e2 = await createPhaseWorld(t.app, 'Otto Organisator');
  dana = await redeem(t.app, e1.event.id, 'attendee', {
    displayName: 'Dana Daten',
    email: 'dana@example.org',
  });
  await redeem(
    t.app,
    e2.event.id,
    'attendee',
    { displayName: 'Dana Daten', email: 'dana@example.org' },
    dana,
  );
  ben = await join(t.app, e1.event.id, 'attendee', 'Ben');
  const bens = await leaveTraces(t.app, e1, ben, 'Ben');
  await leaveTraces(t.app, e1, dana, 'Dana', bens.questionId);
  await leaveTraces(t.app, e2, dana, 'Dana');
});

const exportOf = (path: string, cookie?: string) =>
  t.app.inject({ url: path, headers: cookie ? { cookie } : {} });

describe('export of one person’s data', () => {
  it('a person downloads everything stored about them, across their events', async () => {
    const res = await exportOf('/api/me/export', dana.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
    const data = PersonExport.parse(res.json());
    expect(data.profile).toMatchObject({
      id: dana.personId,
      displayName: 'Dana Daten',
      email: 'dana@example.org',
    });
    expect(data.memberships.map((m) => m.slug).sort()).toEqual([e1.slug, e2.slug].sort());
    expect(data.chatMessages.map((m) => m.body)).toEqual([
      'Beitrag von Dana im Plenum',
      'Beitrag von Dana in der AG',
      'Beitrag von Dana im Plenum',
      'Beitrag von Dana in der AG',
    ]);
    const perEvent = (items: { eventId: string }[]) =>
      [e1, e2].map((e) => items.filter((i) => i.eventId === e.event.id).length);
    expect(perEvent(data.questions)).toEqual([1, 1]);
    expect(data.questions[0]!.body).toBe('Frage von Dana');
    expect(perEvent(data.hands)).toEqual([1, 1]);
    expect(perEvent(data.assignments)).toEqual([1, 1]);
    expect(perEvent(data.attendance)).toEqual([1, 1]);
    expect(data.attendance[0]).toMatchObject({
      joinedAt: '2026-03-12T08:00:00.000Z',
      leftAt: '2026-03-12T08:45:00.000Z',
    });
    expect(perEvent(data.presence)).toEqual([1, 1]);
    // Her live notes edits: counted per document, the text stays the group's.
    expect(perEvent(data.notesEdits)).toEqual([1, 1]);
    expect(data.notesEdits[0]).toMatchObject({ edits: 1 });
    expect(data.helpRequests.map((h) => h.message)).toEqual(['Hilfe für Dana', 'Hilfe für Dana']);
    // Calls of others she marked done: that she did, and when, without their words.
    expect(data.helpRequestsResolved).toHaveLength(2);
    expect(data.helpRequestsResolved.every((h) => h.resolvedAt !== null)).toBe(true);
    expect(res.body).not.toContain('Hilfe der Leitung');
    expect(data.questionVotes).toHaveLength(1);
    // Nothing of anybody else.
    expect(res.body).not.toContain('Ben');
    expect(res.body).not.toContain(ben.personId);
  });

  it('an organizer exports a member’s data from their own event only, and it is audited', async () => {
    const res = await exportOf(
      `/api/events/${e1.slug}/people/${dana.personId}/export`,
      e1.organizer.cookie,
    );
    expect(res.statusCode).toBe(200);
    const data = PersonExport.parse(res.json());
    expect(data.memberships.map((m) => m.slug)).toEqual([e1.slug]);
    const events = new Set(
      [
        ...data.chatMessages,
        ...data.questions,
        ...data.hands,
        ...data.assignments,
        ...data.attendance,
        ...data.presence,
        ...data.notesEdits,
      ].map((i) => i.eventId),
    );
    expect([...events]).toEqual([e1.event.id]);
    expect(data.chatMessages).toHaveLength(2);
    expect(data.helpRequests).toHaveLength(1);
    expect(data.helpRequestsResolved).toHaveLength(1);
    expect(res.body).not.toContain(e2.event.id);
    const audited = await t.auditEntries(e1.event.id, 'privacy.export');
    expect(audited).toMatchObject([{ actorId: e1.organizer.personId, target: dana.personId }]);
  });

  it('nobody else may export a person’s data', async () => {
    const path = `/api/events/${e1.slug}/people/${dana.personId}/export`;
    expect((await exportOf(path, ben.cookie)).statusCode).toBe(403);
    expect((await exportOf(path)).statusCode).toBe(401);
    expect((await exportOf('/api/me/export')).statusCode).toBe(401);
    // An organizer of another event learns nothing, not even that the event exists.
    expect((await exportOf(path, e2.organizer.cookie)).statusCode).toBe(404);
    // Nor about people who are not members of their event.
    const outsider = await exportOf(
      `/api/events/${e2.slug}/people/${ben.personId}/export`,
      e2.organizer.cookie,
    );
    expect(outsider.statusCode).toBe(404);
  });

  it('no cache or proxy keeps a copy of personal data', async () => {
    const own = await exportOf('/api/me/export', dana.cookie);
    const organizers = await exportOf(
      `/api/events/${e1.slug}/people/${dana.personId}/export`,
      e1.organizer.cookie,
    );
    const profile = await exportOf('/api/me', dana.cookie);
    for (const res of [own, organizers, profile]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});
