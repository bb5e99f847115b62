import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { createInvitation } from './service.ts';
import { invitations, people, sessions } from '../../db/schema/index.ts';
import { SESSION_COOKIE } from '../../plugins/auth.ts';
import { connectAs, listen } from '../../test/sockets.ts';

const t = useTestApp();
let eventId: string;
let organizerCookie: string;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  eventId = event.id;
  organizerCookie = (await join(t.app, eventId, 'organizer')).cookie;
});

const invite = (over: Partial<Parameters<typeof createInvitation>[2]> = {}) =>
  createInvitation(
    t.app.db,
    eventId,
    { role: 'attendee', label: '', maxUses: null, expiresAt: null, ...over },
    null,
  );

const redeem = (token: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/invitations/${token}/redeem`,
    payload: payload as object,
    headers,
  });

describe('invitations', () => {
  it('a link shows the event and role before joining', async () => {
    const { token } = await invite({ role: 'speaker' });
    const res = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'speaker', event: { title: expect.any(String) } });
  });

  it('redeeming with a display name creates the person, the membership and a signed httpOnly session', async () => {
    const { token } = await invite();
    const res = await redeem(token, { displayName: 'Erika Mustermann' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'attendee',
      person: { displayName: 'Erika Mustermann', email: null },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const me = await t.app.inject({
      url: '/api/me',
      headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().memberships).toEqual([expect.objectContaining({ eventId, role: 'attendee' })]);
  });

  it('only the hash of a link token is stored', async () => {
    const { token, row } = await invite();
    const [stored] = await t.app.db.select().from(invitations).where(eq(invitations.id, row.id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an expired link is refused with 410 and creates nobody', async () => {
    const { token } = await invite({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    const before = await t.app.db.$count(people);
    const res = await redeem(token, { displayName: 'Zu spät' });
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toEqual({
      code: 'gone',
      message: 'This invitation link has expired.',
      reason: 'expired',
    });
    expect(await t.app.db.$count(people)).toBe(before);
  });

  it('a revoked link is refused, for preview and redeem', async () => {
    const { token, row } = await invite();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${await slug()}/invitations/${row.id}`,
      headers: { cookie: organizerCookie },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().revokedAt).not.toBeNull();
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).statusCode).toBe(410);
    const res = await redeem(token, { displayName: 'Widerrufen' });
    expect(res.json().error.message).toBe('This invitation link has been revoked.');
  });

  it('a link with max uses works that many times, then is used up', async () => {
    const { token } = await invite({ maxUses: 2 });
    expect((await redeem(token, { displayName: 'Eins' })).statusCode).toBe(200);
    expect((await redeem(token, { displayName: 'Zwei' })).statusCode).toBe(200);
    const third = await redeem(token, { displayName: 'Drei' });
    expect(third.statusCode).toBe(410);
    expect(third.json().error.message).toMatch(/used up/);
  });

  it('parallel redeems never exceed max uses', async () => {
    const { token } = await invite({ maxUses: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => redeem(token, { displayName: `P${i}` })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 410)).toHaveLength(5);
  });

  it('an unknown or malformed token gets a clear 4xx', async () => {
    const unknown = await redeem('A'.repeat(22), { displayName: 'X' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('This invitation link is not valid.');
    const malformed = await t.app.inject({ url: '/api/invitations/<script>' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('validation_failed');
  });

  it('display names are required, at most 80 characters and without control characters', async () => {
    const { token } = await invite();
    for (const displayName of ['', '   ', 'x'.repeat(81), 'a\u0000b', 42]) {
      const res = await redeem(token, { displayName });
      expect(res.statusCode, JSON.stringify(displayName)).toBe(400);
      expect(res.json().error.fields).toHaveProperty('body.displayName');
    }
    const bad = await redeem(token, { displayName: 'Ok', email: 'not-an-email' });
    expect(bad.json().error.fields).toHaveProperty('body.email');
    const [row] = await t.app.db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, (await import('../../lib/tokens.ts')).hashToken(token)));
    expect(row!.uses).toBe(0);
  });

  it('a signed-in person redeeming a moderator link is promoted, not duplicated', async () => {
    const attendee = await join(t.app, eventId, 'attendee', 'Later Moderator');
    const { token } = await invite({ role: 'moderator' });
    const res = await redeem(
      token,
      { displayName: 'Later Moderator' },
      { cookie: attendee.cookie },
    );
    expect(res.json()).toMatchObject({ role: 'moderator', person: { id: attendee.personId } });
  });

  it('a tampered session cookie is treated as no session', async () => {
    const member = await join(t.app, eventId, 'attendee');
    const tampered = member.cookie.slice(0, -3) + (member.cookie.endsWith('A') ? 'BBB' : 'AAA');
    const res = await t.app.inject({ url: '/api/me', headers: { cookie: tampered } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('logout also ends the open sockets of that session, saying why first', async () => {
    const url = await listen(t.app);
    const member = await join(t.app, eventId, 'attendee');
    const { socket } = await connectAs(url, member, await slug());
    const heard: string[] = [];
    socket.on('socket:closed', (notice: { reason: string }) => heard.push(notice.reason));
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie: member.cookie } });
    await closed;
    expect(socket.connected).toBe(false);
    expect(heard).toEqual(['session_ended']);
  });

  it('logout revokes the session in the database', async () => {
    const member = await join(t.app, eventId, 'attendee');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/logout',
      headers: { cookie: member.cookie },
    });
    expect(out.statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/me', headers: { cookie: member.cookie } })).statusCode,
    ).toBe(401);
    const open = await t.app.db
      .select()
      .from(sessions)
      .where(eq(sessions.personId, member.personId));
    expect(open.every((s) => s.revokedAt !== null)).toBe(true);
  });

  it('organizers create invitations whose link is shown once; attendees get 403', async () => {
    const s = await slug();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/events/${s}/invitations`,
      headers: { cookie: organizerCookie },
      payload: { role: 'moderator', maxUses: 5 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().link).toMatch(/^http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{22}$/);
    const list = await t.app.inject({
      url: `/api/events/${s}/invitations`,
      headers: { cookie: organizerCookie },
    });
    expect(
      list
        .json()
        .some((i: { id: string; token?: string }) => i.id === created.json().id && !i.token),
    ).toBe(true);
    const attendee = await join(t.app, eventId, 'attendee');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/events/${s}/invitations`,
      headers: { cookie: attendee.cookie },
      payload: { role: 'organizer' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/does not allow you to manage invitations/);
  });

  it('a state-changing request from a foreign origin is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${await slug()}/invitations`,
      headers: { cookie: organizerCookie, origin: 'https://evil.example' },
      payload: { role: 'organizer' },
    });
    expect(res.statusCode).toBe(403);
  });
});

async function slug() {
  const me = await t.app.inject({ url: '/api/me', headers: { cookie: organizerCookie } });
  return me.json().memberships[0].slug as string;
}
