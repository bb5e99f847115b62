import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { sessions } from '../../db/schema/index.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { ask, connect, openSocket } from '../../test/sockets.ts';

// 0.001 hours: a session unused for 3.6 s ends (12 hours by default).
const IDLE_MS = 3_600;

const t = useSocketWorld({ env: { SESSION_IDLE_HOURS: '0.001' } });
let eventId: string;
let slug: string;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  eventId = event.id;
  slug = event.slug;
});

const me = (member: Member) =>
  t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: member.cookie } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sessions end after SESSION_IDLE_HOURS without use', () => {
  it('SESSION_IDLE_HOURS is 12 unless set, and must be a positive number of hours', () => {
    expect(loadConfig({}).sessionIdleHours).toBe(12);
    expect(loadConfig({ SESSION_IDLE_HOURS: '0.5' }).sessionIdleHours).toBe(0.5);
    expect(() => loadConfig({ SESSION_IDLE_HOURS: '0' })).toThrow(/SESSION_IDLE_HOURS/);
  });

  it('a session left unused ends, one in use goes on', async () => {
    const busy = await join(t.app, eventId, 'attendee', 'Fleißig');
    const idle = await join(t.app, eventId, 'attendee', 'Pause');
    const started = Date.now();
    while (Date.now() - started < IDLE_MS * 1.6) {
      expect((await me(busy)).statusCode).toBe(200);
      await sleep(400);
    }
    expect((await me(busy)).statusCode).toBe(200);
    expect((await me(idle)).statusCode).toBe(401);
    // Its sockets are refused as well.
    await expect(connect(openSocket(t.url, { cookie: idle.cookie, event: slug }))).rejects.toThrow(
      /invitation link/,
    );
  });

  it('socket events count as use', async () => {
    const member = await join(t.app, eventId, 'attendee', 'Chattend');
    const socket = await connect(openSocket(t.url, { cookie: member.cookie, event: slug }));
    const started = Date.now();
    while (Date.now() - started < IDLE_MS * 1.6) {
      const ack = await ask(socket, 'presence:list', {});
      expect(ack.ok).toBe(true);
      await sleep(400);
    }
    socket.disconnect();
    expect((await me(member)).statusCode).toBe(200);
  });

  it('use never keeps a session beyond SESSION_DAYS', async () => {
    const member = await join(t.app, eventId, 'attendee', 'Dauergast');
    const [row] = await t.app.db
      .select({ id: sessions.id })
      .from(sessions)
      .orderBy(sql`${sessions.createdAt} desc`)
      .limit(1);
    // Opened 30 days ago (SESSION_DAYS): the next use may not move the deadline past that.
    await t.app.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '30 days'` })
      .where(eq(sessions.id, row!.id));
    // A session made just now is not written on its uses within the touch interval (its deadline
    // is fresh, sessionActivity.started); the first use after that writes the deadline.
    await sleep(IDLE_MS / 20);
    expect((await me(member)).statusCode).toBe(200);
    await sleep(200); // the touch runs in the background
    expect((await me(member)).statusCode).toBe(401);
  });
});
