import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ReactionBurst } from '@plenum/shared';
import { join } from '../../test/fixtures.ts';
import { ask, closeAll, connectAs, listen, type ClientSocket } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

/** Two app nodes on one database, joined by real Redis. */
const t = useSocketWorld({
  env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
});
let nodeA: FastifyInstance;
let urlB: string;

beforeAll(async () => {
  nodeA = t.app;
  urlB = await listen(await t.restart());
});
afterAll(async () => {
  const redis = nodeA.redis!.client;
  const keys = await redis.keys(`plenum:${new URL(t.databaseUrl).pathname.slice(1)}:*`);
  if (keys.length) await redis.del(keys);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const total = (bursts: ReactionBurst[]) =>
  bursts.reduce((sum, b) => sum + Object.values(b.counts).reduce((s, n) => s + n, 0), 0);

describe('reactions on two nodes', () => {
  it('clicks on both nodes add up in the room, each node sending its own bursts', async () => {
    const w = await t.world();
    const observer = await w.connect(w.organizer);
    const bursts: { at: number; burst: ReactionBurst }[] = [];
    observer.socket.on('reaction:burst', (burst) => bursts.push({ at: Date.now(), burst }));
    const sockets: ClientSocket[] = [];
    for (let i = 0; i < 20; i++) {
      const member = await join(t.app, w.event.id, 'attendee', `Gast ${i}`);
      sockets.push((await connectAs(i % 2 ? urlB : t.url, member, w.slug)).socket);
    }
    const acks = await Promise.all(
      sockets.flatMap((socket) =>
        [0, 1].map(() => ask(socket, 'reaction:send', { roomId: w.plenaryId, kind: 'applause' })),
      ),
    );
    await sleep(700);
    closeAll(...sockets);
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(total(bursts.map((b) => b.burst))).toBe(40);
    // Each node sends its own windows: at most 2 × 4 bursts in any second, far fewer than clicks.
    for (let i = 8; i < bursts.length; i++) {
      expect(bursts[i]!.at - bursts[i - 8]!.at).toBeGreaterThanOrEqual(900);
    }
    expect(bursts.length).toBeLessThan(40);
  });

  it('one person’s limit holds across nodes (Redis)', async () => {
    const w = await t.world();
    const onA = await w.connect(w.anna);
    const onB = await w.connect(w.anna, urlB);
    const send = (socket: ClientSocket) =>
      ask(socket, 'reaction:send', { roomId: w.plenaryId, kind: 'laugh' });
    const acks = [];
    for (const socket of [onA.socket, onB.socket, onA.socket, onB.socket, onA.socket]) {
      acks.push(await send(socket));
    }
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'rate_limited',
      'rate_limited',
    ]);
  });
});
