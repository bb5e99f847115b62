import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { freePort } from '../../test/ports.ts';
import { checkHealth } from './routes.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('health', () => {
  it('says db up, livekit up and redis off when no Redis is configured', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, db: 'up', livekit: 'up', redis: 'off' });
  });

  it('says redis up with a real Redis', async () => {
    t = await createTestApp({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ redis: 'up' });
  });

  it('says livekit down when LiveKit does not answer', async () => {
    const port = await freePort();
    t = await createTestApp(
      {},
      {
        livekit: { url: `ws://127.0.0.1:${port}`, apiKey: 'k', apiSecret: 'x'.repeat(32) },
      },
    );
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ db: 'up', livekit: 'down' });
  });

  it('answers 503 with db down when the database is gone', async () => {
    t = await createTestApp();
    await t.app.database.close();
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, db: 'down' });
  });

  it('answers liveness 200 and readiness 200 while the database is up', async () => {
    t = await createTestApp();
    const live = await t.app.inject({ url: '/api/health/live' });
    expect([live.statusCode, live.json()]).toEqual([200, { ok: true }]);
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect([ready.statusCode, ready.json()]).toEqual([
      200,
      { ready: true, db: 'up', draining: false },
    ]);
  });

  it('is live but not ready when the database is gone', async () => {
    t = await createTestApp();
    await t.app.database.close();
    expect((await t.app.inject({ url: '/api/health/live' })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect([ready.statusCode, ready.json()]).toEqual([
      503,
      { ready: false, db: 'down', draining: false },
    ]);
  });

  it('reports redis down when its probe fails', async () => {
    const health = await checkHealth({
      db: async () => true,
      livekit: async () => true,
      redis: async () => false,
    });
    expect(health).toEqual({ ok: true, db: 'up', livekit: 'up', redis: 'down' });
  });
});
