import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { ask, connect, Inbox, listen, openSocket, type ClientSocket } from '../test/sockets.ts';
import { createWorld } from '../test/world.ts';
import { CONNECTION_CAPS } from './connection-caps.ts';
import { PERSON_LIMITS } from './rate-limit.ts';

/** Issue #16, 1: one person's many connections buy no more than a few tabs do. */
let t: TestApp;
let url: string;

// With Redis, as deployed on several nodes: the budget and the count span the nodes.
beforeAll(async () => {
  t = await createTestApp(
    { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    { personLimits: PERSON_LIMITS }, // the real ones (createTestApp relaxes them)
  );
  url = await listen(t.app);
});
afterAll(async () => {
  const redis = t.app.redis!.client;
  const keys = await redis.keys(`plenum:${new URL(t.databaseUrl).pathname.slice(1)}:*`);
  if (keys.length) await redis.del(keys);
  await t.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one person, many connections', () => {
  it('beyond 5 connections of one session, the oldest is closed with a notice', async () => {
    const w = await createWorld(t.app, url);
    const opened: { socket: ClientSocket; inbox: Inbox }[] = [];
    for (let i = 0; i <= CONNECTION_CAPS.perSession; i++) {
      const socket = openSocket(url, { cookie: w.anna.cookie, event: w.slug });
      opened.push({ socket, inbox: new Inbox(socket) });
      await connect(socket);
      await sleep(20); // in order, so that "oldest" is well defined
    }
    const [oldest, ...rest] = opened;
    expect(await oldest!.inbox.waitFor('socket:closed')).toMatchObject({
      reason: 'too_many_connections',
    });
    await sleep(100);
    expect(oldest!.socket.connected).toBe(false);
    expect(rest.map((c) => c.socket.connected)).toEqual(rest.map(() => true));
    for (const c of opened) c.socket.disconnect();
    w.close();
  });

  it("all of a person's connections share one budget of events", async () => {
    const w = await createWorld(t.app, url);
    const sockets: ClientSocket[] = [];
    for (let i = 0; i < CONNECTION_CAPS.perSession; i++) {
      sockets.push(await connect(openSocket(url, { cookie: w.ben.cookie, event: w.slug })));
    }
    const { max } = PERSON_LIMITS.events;
    const acks = [];
    // Well within each connection's own budget (40 in 5 s), over the person's.
    for (let i = 0; i < max + 5; i++)
      acks.push(await ask(sockets[i % sockets.length]!, 'presence:list', {}));
    expect(acks.filter((a) => a.ok)).toHaveLength(max);
    expect(acks.slice(max)).toEqual(
      acks.slice(max).map(() =>
        expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'rate_limited' }),
        }),
      ),
    );
    // Somebody else is not affected.
    const other = await w.connect(w.cem);
    expect(await ask(other.socket, 'presence:list', {})).toMatchObject({ ok: true });
    for (const s of sockets) s.disconnect();
    w.close();
  });

  it('a session that keeps reconnecting is refused before its handshake costs anything', async () => {
    const w = await createWorld(t.app, url);
    const outcomes: string[] = [];
    for (let i = 0; i <= PERSON_LIMITS.handshakes.max; i++) {
      const socket = openSocket(url, { cookie: w.anna.cookie, event: w.slug });
      outcomes.push(
        await connect(socket).then(
          () => 'connected',
          () => 'refused',
        ),
      );
      socket.disconnect();
    }
    expect(outcomes.at(-1)).toBe('refused');
    expect(outcomes.slice(0, -1).every((o) => o === 'connected')).toBe(true);
    // Another person is not affected.
    const other = await w.connect(w.cem);
    expect(other.socket.connected).toBe(true);
    w.close();
  });
});
