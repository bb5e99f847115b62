import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it, vi } from 'vitest';
import { createInvitation, revokeInvitation } from '../../features/invitations/service.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { buildApp } from '../../app.ts';
import { TEST_SESSION_SECRET } from '../app.ts';
import { connect, ok, openSocket } from '../sockets.ts';
import { useCastWorld } from './cast-world.ts';
import { handshake } from '../authz/verdicts.ts';
import { NotesPeer } from '../notes.ts';

// Wraps the real hash function, so a test can see which tokens were hashed (timing-safe path).
vi.mock('../../lib/tokens.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/tokens.ts')>();
  return { ...original, hashToken: vi.fn(original.hashToken) };
});

const t = useCastWorld();

describe('hostile input, targeted', () => {
  const xss = '"><img src=x onerror=alert(1)><script>alert(1)</script>';
  const as = (
    cookie: string | undefined,
    method: string,
    path: string,
    payload?: unknown,
    headers = {},
  ) =>
    t.app.inject({
      method: method as 'GET',
      url: path,
      payload: payload as object,
      headers: { ...headers, ...(cookie && { cookie }) },
    });

  it('markup in display names, chat, notes and agenda titles is stored and returned as plain text', async () => {
    const organizer = t.cast.cookie('organizer');
    const { token } = await createInvitation(
      t.app.db,
      t.cast.event.id,
      { role: 'attendee', label: '', maxUses: null, expiresAt: null },
      null,
    );
    const joined = await as(undefined, 'POST', `/api/invitations/${token}/redeem`, {
      displayName: xss.slice(0, 80),
    });
    expect(joined.json().person.displayName).toBe(xss.slice(0, 80));
    const cookie = joined.cookies.find((k) => k.name === 'plenum_session')!;
    const me = await as(`plenum_session=${cookie.value}`, 'GET', '/api/me');
    expect(me.headers['content-type']).toMatch(/^application\/json/);
    expect(me.json().person.displayName).toBe(xss.slice(0, 80));

    const socket = await t.organizerSocket();
    const sentMessage = await ok(socket, 'chat:send', {
      roomId: t.cast.plenaryId,
      clientId: randomUUID(),
      body: xss,
    });
    expect(sentMessage.message.body).toBe(xss);
    const history = await ok(socket, 'chat:history', { roomId: t.cast.plenaryId });
    expect(history.messages.map((m) => m.body)).toContain(xss);

    const notesUrl = `/api/phases/${await t.cast.sharedPhase()}/rooms/${t.cast.groupAId}/notes`;
    const notes = `# Ergebnis\n${xss}\n[klick](javascript:alert(1))`;
    // Written live, over the organizer's socket, as the client does.
    const doc = {
      kind: 'group' as const,
      phaseId: await t.cast.sharedPhase(),
      roomId: t.cast.groupAId,
    };
    const peer = new NotesPeer(doc, socket);
    expect((await peer.open()).ok).toBe(true);
    peer.text.delete(0, peer.text.length);
    peer.text.insert(0, notes);
    expect((await peer.flush()).ok).toBe(true);
    expect((await as(organizer, 'GET', notesUrl)).json().body).toBe(notes);
    const results = await as(
      organizer,
      'GET',
      `/api/phases/${await t.cast.sharedPhase()}/results.md`,
    );
    expect(results.headers['content-type']).toMatch(/^text\/markdown/);
    expect(results.headers['content-disposition']).toMatch(/^attachment/);
    expect(results.headers['x-content-type-options']).toBe('nosniff');
    expect(results.body).toContain(xss);

    const item = await as(organizer, 'POST', `/api/events/${t.cast.slug}/agenda`, {
      title: xss,
      startsAt: '2026-03-13T05:00:00Z', // day two: the properties filled day one
      durationMinutes: 1,
    });
    expect(item.statusCode).toBe(201);
    const agenda = await as(organizer, 'GET', `/api/events/${t.cast.slug}/agenda`);
    expect(agenda.json().map((i: { title: string }) => i.title)).toContain(xss);
  });

  it('the client renders text only: no innerHTML or dangerouslySetInnerHTML anywhere in client/src', () => {
    const root = fileURLToPath(new URL('../../../../client/src', import.meta.url));
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) =>
      /\.(tsx?|jsx?)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(20);
    const html =
      /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|srcdoc|new Function\(|\beval\(/;
    const offenders = files.filter((f) => html.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every answer carries a CSP that allows no inline or foreign script', async () => {
    for (const address of ['/api/health', `/api/events/${t.cast.slug}`, '/api/nothing-here']) {
      const res = await as(t.cast.cookie('organizer'), 'GET', address);
      const csp = res.headers['content-security-policy'];
      expect(csp, address).toBeTypeOf('string');
      const directives = new Map(
        String(csp)
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name!, values]),
      );
      const script = directives.get('script-src') ?? directives.get('default-src')!;
      expect(script).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
      expect(String(csp)).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('bodies over their limit are refused with 413 before they are parsed, and nothing is stored', async () => {
    const organizer = t.cast.cookie('organizer');
    const before = await t.fingerprint();
    const big = (n: number) => 'a'.repeat(n);
    const attempts: [string, string, string, string][] = [
      [
        'POST',
        `/api/events/${t.cast.slug}/agenda`,
        'application/json',
        JSON.stringify({ title: 'x', description: big(1_100_000) }),
      ],
      [
        'PUT',
        `/api/phases/${await t.cast.sharedPhase()}/rooms/${t.cast.groupAId}/notes`,
        'application/json',
        JSON.stringify({ body: big(1_100_000), baseVersion: 0 }),
      ],
      [
        'POST',
        `/api/phases/${await t.cast.sharedPhase()}/preassign`,
        'text/csv',
        `Name;Gruppe\n${big(1_100_000)}`,
      ],
      [
        'POST',
        `/api/events/${t.cast.slug}/agenda/import`,
        'application/xml',
        `<schedule>${big(2_200_000)}</schedule>`,
      ],
      [
        'POST',
        '/api/livekit/webhook',
        'application/webhook+json',
        JSON.stringify({ event: big(300_000) }),
      ],
    ];
    for (const [method, address, type, payload] of attempts) {
      const res = await as(organizer, method, address, payload, { 'content-type': type });
      expect(res.statusCode, address).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
    }
    expect(await t.fingerprint()).toEqual(before);
  });

  it('a socket frame over 64 KB closes that one connection; nothing is stored and the server carries on', async () => {
    const before = await t.fingerprint();
    const socket = await t.organizerSocket();
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit(
      'chat:send',
      { roomId: t.cast.plenaryId, clientId: randomUUID(), body: 'x'.repeat(70_000) },
      () => {},
    );
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await t.fingerprint()).toEqual(before);
    const again = await t.organizerSocket();
    expect((await ok(again, 'presence:list', {})).people.length).toBeGreaterThan(0);
    expect((await as(undefined, 'GET', '/api/health')).statusCode).toBe(200);
  });

  it('a tampered session cookie is no session: 401 over REST, refused socket', async () => {
    const [name, value] = t.cast.cookie('organizer')!.split(/=(.*)/s) as [string, string];
    const [secret, signature] = value.split('.') as [string, string];
    const other = t.cast.cookie('attendee')!.split('=')[1]!.split('.')[1]!;
    const flip = (s: string) => s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
    const tampered = [
      `${secret}.${flip(signature)}`,
      `${flip(secret)}.${signature}`,
      `${secret}.${other}`,
      secret,
      `${secret}.`,
      `${randomToken(32)}.${signature}`,
    ];
    const before = await t.fingerprint();
    for (const forged of tampered.map((v) => `${name}=${v}`)) {
      expect((await as(forged, 'GET', '/api/me')).statusCode, forged).toBe(401);
      const res = await as(forged, 'POST', `/api/events/${t.cast.slug}/agenda`, {
        title: 'x',
        startsAt: t.cast.nextSlot(),
        durationMinutes: 1,
      });
      expect(res.statusCode).toBe(401);
      expect((await handshake(t.url, forged, t.cast.slug)).refused).toBe('unauthenticated');
    }
    expect(await t.fingerprint()).toEqual(before);
  });

  it('a state-changing request from a foreign origin is refused even with a valid session; reads are not', async () => {
    const organizer = t.cast.cookie('organizer');
    const before = await t.fingerprint();
    for (const origin of [
      'https://evil.example',
      'null',
      'http://localhost:3000.evil.example',
      'http://localhost:3001',
    ]) {
      const headers = { origin };
      const create = await as(
        organizer,
        'POST',
        `/api/events/${t.cast.slug}/agenda`,
        { title: 'x', startsAt: t.cast.nextSlot(), durationMinutes: 1 },
        headers,
      );
      expect(create.statusCode, origin).toBe(403);
      expect(
        (await as(organizer, 'PATCH', `/api/events/${t.cast.slug}`, { title: 'Gekapert' }, headers))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await as(
            organizer,
            'DELETE',
            `/api/events/${t.cast.slug}/rooms/${t.cast.groupBId}`,
            undefined,
            headers,
          )
        ).statusCode,
      ).toBe(403);
      const read = await as(organizer, 'GET', `/api/events/${t.cast.slug}`, undefined, headers);
      expect(read.statusCode).toBe(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
      const socket = openSocket(t.url, { cookie: organizer, event: t.cast.slug, origin });
      await expect(connect(socket)).rejects.toMatchObject({ data: { code: 'forbidden' } });
      socket.disconnect();
    }
    expect(await t.fingerprint()).toEqual(before);
    const own = await as(
      organizer,
      'POST',
      `/api/events/${t.cast.slug}/agenda`,
      { title: 'Eigener', startsAt: '2026-03-13T05:10:00Z', durationMinutes: 1 },
      { origin: 'http://localhost:3000' },
    );
    expect(own.statusCode).toBe(201);
  });

  it('the session cookie is HttpOnly and SameSite=Lax, and is signed', async () => {
    const { token } = await createInvitation(
      t.app.db,
      t.cast.event.id,
      { role: 'attendee', label: '', maxUses: null, expiresAt: null },
      null,
    );
    const res = await as(undefined, 'POST', `/api/invitations/${token}/redeem`, {
      displayName: 'Keks',
    });
    const cookie = res.cookies.find((k) => k.name === 'plenum_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.value).toMatch(/^[\w-]+\.[\w+/=-]+$/);
  });

  it(
    'invitation links cannot be guessed at speed: preview and redeem are rate-limited per address',
    { timeout: 60_000 },
    async () => {
      // A second app on the same database, as small deployments would configure it.
      const small = await buildApp(t.config, {
        sessionSecret: TEST_SESSION_SECRET,
        livekit: inject('livekit'),
        clientDist: null,
        authRateLimit: 3,
      });
      try {
        const attempts = [
          (token: string) => ({ method: 'GET' as const, url: `/api/invitations/${token}` }),
          (token: string) => ({
            method: 'POST' as const,
            url: `/api/invitations/${token}/redeem`,
            payload: { displayName: 'Rate' },
          }),
        ];
        for (const [i, attempt] of attempts.entries()) {
          const from = (n: number) => ({
            ...attempt(randomToken(16)),
            remoteAddress: `10.0.${i}.${n}`,
          });
          const statuses = [];
          for (let n = 0; n < 5; n++) statuses.push((await small.inject(from(1))).statusCode);
          expect(statuses).toEqual([404, 404, 404, 429, 429]);
          expect((await small.inject(from(2))).statusCode).toBe(404);
        }
      } finally {
        await small.close();
      }
    },
  );

  it('an unknown and a revoked link take the same path: hashed once, looked up, then refused', async () => {
    const { row, token: revoked } = await createInvitation(
      t.app.db,
      t.cast.event.id,
      { role: 'attendee', label: '', maxUses: null, expiresAt: null },
      null,
    );
    await revokeInvitation(t.app.db, t.cast.event.id, row.id, t.cast.people.organizer.personId);
    const unknown = randomToken(16);
    const hashed = vi.mocked(hashToken);
    for (const [token, status] of [
      [unknown, 404],
      [revoked, 410],
    ] as const) {
      for (const call of [
        { method: 'GET' as const, url: `/api/invitations/${token}` },
        {
          method: 'POST' as const,
          url: `/api/invitations/${token}/redeem`,
          payload: { displayName: 'Gast' },
        },
      ]) {
        hashed.mockClear();
        expect((await t.app.inject(call)).statusCode).toBe(status);
        // No shortcut before the hash: both kinds of token are hashed, then looked up by hash.
        expect(hashed.mock.calls.filter(([arg]) => arg === token)).toHaveLength(1);
      }
    }
  });
});
