import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { seedEvent } from '../../test/fixtures.ts';
import { randomToken } from '../../lib/tokens.ts';
import { createInvitation } from './service.ts';

// 110 colleagues of a Landratsamt share one proxy address; a guesser must not share their luck.
const OFFICE = '203.0.113.7';
const PROXY = '198.51.100.1';

async function linkFor(app: FastifyInstance, maxUses: number) {
  const event = await seedEvent(app);
  const invitation = { role: 'attendee' as const, label: '', maxUses, expiresAt: null };
  return (await createInvitation(app.db, event.id, invitation, null)).token;
}

const preview = (app: FastifyInstance, token: string, from: string, forwardedFor?: string) =>
  app.inject({
    url: `/api/invitations/${token}`,
    remoteAddress: from,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

const redeem = (app: FastifyInstance, token: string, from: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: `/api/invitations/${token}/redeem`,
    payload: { displayName: 'Kollegin' },
    remoteAddress: from,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

/** Counts start over each minute: a test that counts to the limit starts well inside one. */
async function awayFromMinuteEdge() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

const count = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('invitation links behind one office address (production defaults)', () => {
  let t: TestApp;
  // The production limits, not the test app's generous ones.
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' }, { authRateLimit: undefined });
  });
  afterAll(() => t.close());

  it('300 colleagues open and redeem one valid link from one address within a minute', async () => {
    const token = await linkFor(t.app, 300);
    const statuses: number[] = [];
    for (let n = 0; n < 300; n++) {
      statuses.push((await preview(t.app, token, OFFICE)).statusCode);
      statuses.push((await redeem(t.app, token, OFFICE)).statusCode);
    }
    expect(count(statuses)).toEqual({ 200: 600 });
    // The link's own uses are the bound.
    expect((await redeem(t.app, token, OFFICE)).statusCode).toBe(410);
  }, 120_000);

  it('200 bad guesses are throttled, whatever X-Forwarded-For says', async () => {
    await awayFromMinuteEdge();
    const guesser = '192.0.2.66';
    const statuses: number[] = [];
    for (let n = 0; n < 200; n++) {
      const attempt = n % 2 ? redeem : preview;
      statuses.push((await attempt(t.app, randomToken(16), guesser, `10.1.${n}.1`)).statusCode);
    }
    const counted = count(statuses);
    expect(counted[404]).toBeLessThanOrEqual(30);
    expect(counted[429]).toBe(200 - counted[404]!);
    const refused = await preview(t.app, randomToken(16), guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Colleagues at another address are not held up by the guesser.
    const token = await linkFor(t.app, 1);
    expect((await redeem(t.app, token, OFFICE)).statusCode).toBe(200);
  });
});

describe('TRUST_PROXY set to the reverse proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      { NODE_ENV: 'production', TRUST_PROXY: `${PROXY}, 10.0.0.0/8` },
      { authRateLimit: undefined },
    );
  });
  afterAll(() => t.close());

  it('counts the address X-Forwarded-For names', async () => {
    await awayFromMinuteEdge();
    // 200 different people, each mistyping once, behind the proxy: nobody is throttled.
    const spread: number[] = [];
    for (let n = 0; n < 200; n++) {
      const client = `100.64.${n}.9`;
      spread.push((await preview(t.app, randomToken(16), PROXY, client)).statusCode);
    }
    expect(count(spread)).toEqual({ 404: 200 });
    // One guesser behind the proxy is.
    const guesses: number[] = [];
    for (let n = 0; n < 60; n++) {
      guesses.push((await preview(t.app, randomToken(16), PROXY, '100.65.0.1')).statusCode);
    }
    expect(count(guesses)[429]).toBeGreaterThanOrEqual(30);
    // A client that is not the proxy cannot claim to be someone else.
    const direct: number[] = [];
    for (let n = 0; n < 60; n++) {
      direct.push(
        (await preview(t.app, randomToken(16), '192.0.2.99', `100.66.${n}.1`)).statusCode,
      );
    }
    expect(count(direct)[429]).toBeGreaterThanOrEqual(30);
  });
});

describe('TRUST_PROXY as a hop count', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      { NODE_ENV: 'production', TRUST_PROXY: '1' },
      { authRateLimit: undefined },
    );
  });
  afterAll(() => t.close());

  it('counts the address the one proxy in front names', async () => {
    await awayFromMinuteEdge();
    const statuses: number[] = [];
    for (let n = 0; n < 40; n++) {
      // A client's own X-Forwarded-For entry comes before the proxy's and is not believed.
      const forwarded = `6.6.6.6, 100.64.${n}.9`;
      statuses.push((await preview(t.app, randomToken(16), PROXY, forwarded)).statusCode);
    }
    expect(count(statuses)).toEqual({ 404: 40 });
    const spoofed: number[] = [];
    for (let n = 0; n < 40; n++) {
      const forwarded = `100.64.${n}.9, 100.65.0.1`;
      spoofed.push((await preview(t.app, randomToken(16), PROXY, forwarded)).statusCode);
    }
    expect(count(spoofed)).toEqual({ 404: 30, 429: 10 });
  });
});

describe('several nodes with Redis', () => {
  let t: TestApp;
  let second: FastifyInstance;
  beforeAll(async () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    t = await createTestApp(
      { NODE_ENV: 'production', REDIS_URL: redisUrl },
      {
        authRateLimit: undefined,
      },
    );
    second = await t.restart();
  });
  afterAll(() => t.close());

  it('count one address’s failed guesses together', async () => {
    await awayFromMinuteEdge();
    // Another run of this file within the same minute must not have counted for this address.
    const guesser = `2001:db8::${randomBytes(2).toString('hex')}`;
    const statuses: number[] = [];
    for (let n = 0; n < 40; n++) {
      const node = n % 2 ? second : t.app;
      statuses.push((await preview(node, randomToken(16), guesser)).statusCode);
    }
    expect(count(statuses)).toEqual({ 404: 30, 429: 10 });
  });
});
