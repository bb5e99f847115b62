import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { assignments, auditLog, chatMessages, phases } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { startPrivatePostgres, type ServiceProcess } from '../service-processes.ts';
import { ask, connect, listen, ok, openSocket } from '../sockets.ts';
import { createWorld, type World } from '../world.ts';

/**
 * Postgres goes away for 30 s under a running app with connected clients: the app says so
 * clearly and at once, writes nothing by halves, and comes back by itself when Postgres does.
 * The Postgres is the test's own; the machine's shared one is never touched.
 */
const OUTAGE_MS = 30_000;
/** An error answer, not a hang: far below the 5 s after which `ask` gives up. */
const ANSWER_WITHIN_MS = 3_000;

let postgres: ServiceProcess;
let t: TestApp;
let url: string;
let w: World;
let anna: Awaited<ReturnType<World['connect']>>;
let ben: Awaited<ReturnType<World['connect']>>;
let phaseId: string;
let firstItemId: string;
let downAt = 0;

interface Answer {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  ms: number;
}

async function call(method: string, path: string, cookie: string, body?: object): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url + path, {
    method,
    headers: { cookie, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  const answer = (await res.json()) as Answer['body'];
  return { status: res.status, body: answer, ms: performance.now() - started };
}

const organizerCalls = {
  openPhase: () => call('POST', `/api/phases/${phaseId}/open`, w.organizer.cookie),
  shiftAgenda: () =>
    call('POST', `/api/events/${w.slug}/agenda/${firstItemId}/shift`, w.organizer.cookie, {
      minutes: 15,
    }),
};

async function agendaStarts() {
  const res = await call('GET', `/api/events/${w.slug}/agenda`, w.organizer.cookie);
  return (res.body as unknown as { id: string; startsAt: string }[]).map((i) => i.startsAt);
}

const sendChat = (socket: typeof anna.socket, body: string) =>
  ask(socket, 'chat:send', { roomId: w.plenaryId, clientId: crypto.randomUUID(), body });

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  t = await createTestApp({}, {}, postgres.url);
  url = await listen(t.app);
  w = await createWorld(t.app, url);
  anna = await w.connect(w.anna);
  ben = await w.connect(w.ben);
  const phase = await call('POST', `/api/events/${w.slug}/phases`, w.organizer.cookie, {
    title: 'Arbeitsgruppen',
    roomIds: [w.groupId, w.otherGroupId],
    durationMinutes: 30,
    selfSelect: false,
  });
  phaseId = phase.body.id as string;
  for (const [title, startsAt] of [
    ['Eröffnung', '2026-03-12T09:00:00Z'],
    ['Vortrag', '2026-03-12T09:30:00Z'],
  ]) {
    const item = await call('POST', `/api/events/${w.slug}/agenda`, w.organizer.cookie, {
      title,
      startsAt,
      durationMinutes: 30,
    });
    expect(item.status).toBe(201);
    firstItemId ||= item.body.id as string;
  }
});

afterAll(async () => {
  w?.close();
  if (postgres && !postgres.running) await postgres.start();
  await t?.close();
  await postgres?.close();
});

describe('Postgres unavailable for 30 s', () => {
  it('a phase open and an agenda shift cut off mid-transaction are rolled back whole', async () => {
    const agendaBefore = await agendaStarts();
    const auditBefore = await t.app.db.$count(auditLog, eq(auditLog.eventId, w.event.id));
    // Both transactions write first and audit last; holding the audit table stops them right
    // before their commit, so the crash lands after their other writes.
    const locker = new pg.Client({ connectionString: t.databaseUrl });
    locker.on('error', () => {});
    await locker.connect();
    await locker.query('begin; lock table audit_log in exclusive mode');
    const open = organizerCalls.openPhase();
    const shift = organizerCalls.shiftAgenda();
    await waitForBlockedOnAudit(locker, 2);

    downAt = Date.now();
    await postgres.stop();
    const [opened, shifted] = await Promise.all([open, shift]);
    await locker.end().catch(() => {});
    for (const answer of [opened, shifted]) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body).toEqual({
        error: { code: 'unavailable', message: expect.stringMatching(/database/) },
      });
    }

    await postgres.start();
    expect((await t.app.db.select().from(phases).where(eq(phases.id, phaseId)))[0]).toMatchObject({
      status: 'draft',
      openedAt: null,
    });
    expect(await t.app.db.$count(assignments, eq(assignments.phaseId, phaseId))).toBe(0);
    expect(await agendaStarts()).toEqual(agendaBefore);
    expect(await t.app.db.$count(auditLog, eq(auditLog.eventId, w.event.id))).toBe(auditBefore);
    // The real outage starts now, with Postgres stopped cleanly.
    downAt = Date.now();
    await postgres.stop();
  });

  it('clients get clear errors at once, new sockets are refused with a reason, health says down', async () => {
    const seen = { chatAcks: 0, rest: 0, health: 0, refusedSockets: 0, slowestMs: 0 };
    while (Date.now() - downAt < OUTAGE_MS - 2_000) {
      const started = performance.now();
      const ack = await sendChat(anna.socket, 'während des Ausfalls');
      const ackMs = performance.now() - started;
      expect(ack).toEqual({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/database/) },
      });
      seen.chatAcks++;

      const rest = await call('GET', `/api/events/${w.slug}/agenda`, w.anna.cookie);
      expect(rest.status).toBe(503);
      expect(rest.body).toEqual({
        error: { code: 'unavailable', message: expect.stringMatching(/database/) },
      });
      seen.rest++;

      const health = await call('GET', '/api/health', '');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ ok: false, db: 'down' });
      seen.health++;

      const late = openSocket(url, { cookie: w.cem.cookie, event: w.slug });
      const refusal = await connect(late).then(
        () => null,
        (err: Error & { data?: { code?: string } }) => err,
      );
      late.disconnect();
      expect(refusal?.data?.code).toBe('unavailable');
      seen.refusedSockets++;

      seen.slowestMs = Math.max(seen.slowestMs, ackMs, rest.ms, health.ms);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(seen.slowestMs).toBeLessThan(ANSWER_WITHIN_MS);
    console.log('postgres outage, answers while down:', seen);
    expect(anna.socket.connected && ben.socket.connected).toBe(true);
  });

  it('when Postgres returns, the same app recovers by itself: health, chat, phases, agenda', async () => {
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - downAt))),
    );
    await postgres.start();
    const outageMs = Date.now() - downAt;
    const upAt = Date.now();
    let health = await call('GET', '/api/health', '');
    while (health.status !== 200 && Date.now() - upAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await call('GET', '/api/health', '');
    }
    const healthUpMs = Date.now() - upAt;
    expect(health.body).toMatchObject({ ok: true, db: 'up' });

    const sent = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: crypto.randomUUID(),
      body: 'wieder da',
    });
    const chatBackMs = Date.now() - upAt;
    expect(await ben.inbox.waitFor('chat:message', (m) => m.id === sent.message.id)).toMatchObject({
      body: 'wieder da',
    });
    // Only what was acknowledged is stored: none of the refused sends.
    const stored = await t.app.db
      .select({ body: chatMessages.body })
      .from(chatMessages)
      .where(eq(chatMessages.roomId, w.plenaryId));
    expect(stored.map((m) => m.body)).toEqual(['wieder da']);

    // Refused while the database was away, in again now (the client retries such refusals).
    const cem = await w.connect(w.cem);
    expect(cem.socket.connected).toBe(true);

    const shifted = await organizerCalls.shiftAgenda();
    expect(shifted.status).toBe(200);
    expect(await agendaStarts()).toEqual(['2026-03-12T09:15:00.000Z', '2026-03-12T09:45:00.000Z']);
    const opened = await organizerCalls.openPhase();
    expect(opened.status).toBe(200);
    expect(await t.app.db.$count(assignments, eq(assignments.phaseId, phaseId))).toBe(3);
    console.log('postgres outage recovery:', { outageMs, healthUpMs, chatBackMs });
  });
});

/** Waits until `count` transactions wait for the audit table (i.e. did all their other writes). */
async function waitForBlockedOnAudit(client: pg.Client, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
       where c.relname = 'audit_log' and not l.granted`,
    );
    if (rows[0]!.n >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} writes reached the audit`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
