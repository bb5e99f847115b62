import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../test/app.ts';
import { ask, listen, ok } from '../test/sockets.ts';
import { createWorld } from '../test/world.ts';
import { moveSocketsOfPerson } from './rooms.ts';

/** Two app nodes on the same database, joined by real Redis: what one emits, the other delivers. */
let t: TestApp;
let nodeA: FastifyInstance;
let nodeB: FastifyInstance;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  t = await createTestApp({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  nodeA = t.app;
  nodeB = await t.restart();
  urlA = await listen(nodeA);
  urlB = await listen(nodeB);
});
afterAll(async () => {
  const redis = nodeA.redis!.client;
  const keys = await redis.keys(`plenum:${new URL(t.databaseUrl).pathname.slice(1)}:*`);
  if (keys.length) await redis.del(keys);
  await t.close();
});

const id = () => crypto.randomUUID();

describe('two nodes on Redis', () => {
  it('a chat message sent on one node reaches the same room on the other, and never another room', async () => {
    const w = await createWorld(nodeA, urlA);
    const anna = await w.connect(w.anna, urlA);
    const ben = await w.connect(w.ben, urlB);
    const cem = await w.connect(w.cem, urlB);
    const moderator = await w.connect(w.moderator, urlA);
    // Node A moves Cem, whose socket lives on node B.
    expect(
      await moveSocketsOfPerson(nodeA.realtime.io, w.cem.personId, w.plenaryId, w.groupId),
    ).toBe(1);

    const sent = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Grüße von Knoten A',
    });
    expect(await ben.inbox.waitFor('chat:message', (m) => m.id === sent.message.id)).toMatchObject({
      body: 'Grüße von Knoten A',
    });
    const marker = await ok(moderator.socket, 'chat:send', {
      roomId: w.groupId,
      clientId: id(),
      body: 'AG startet',
    });
    await cem.inbox.waitFor('chat:message', (m) => m.id === marker.message.id);
    expect(cem.inbox.all('chat:message').map((m) => m.id)).toEqual([marker.message.id]);
    w.close();
  });

  it('presence counts people on both nodes, a person with a tab on each node once', async () => {
    const w = await createWorld(nodeA, urlA);
    const anna = await w.connect(w.anna, urlA);
    await w.connect(w.anna, urlB);
    await w.connect(w.ben, urlB);
    const list = await ok(anna.socket, 'presence:list', {});
    expect(list.counts).toEqual({ [w.plenaryId]: 2 });
    expect(
      list.people
        .filter((p) => p.online)
        .map((p) => p.displayName)
        .sort(),
    ).toEqual(['Anna', 'Ben']);
    w.close();
  });

  it('the message rate limit holds across nodes', async () => {
    const w = await createWorld(nodeA, urlA);
    const onA = await w.connect(w.anna, urlA);
    const onB = await w.connect(w.anna, urlB);
    const acks = [];
    for (let i = 0; i < 6; i++) {
      const socket = i % 2 === 0 ? onA.socket : onB.socket;
      acks.push(
        await ask(socket, 'chat:send', { roomId: w.plenaryId, clientId: id(), body: `Nr. ${i}` }),
      );
    }
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, true, true, false]);
    expect(acks[5]).toMatchObject({ error: { code: 'rate_limited' } });
    w.close();
  });

  it('a hand taken on one node is announced to the room on the other', async () => {
    const w = await createWorld(nodeA, urlA);
    const anna = await w.connect(w.anna, urlB);
    const moderator = await w.connect(w.moderator, urlA);
    const { hand } = await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    await moderator.inbox.waitFor('hand:raised', (h) => h.id === hand.id);
    await ok(moderator.socket, 'hand:takeNext', { roomId: w.plenaryId });
    expect(await anna.inbox.waitFor('hand:taken', (h) => h.id === hand.id)).toMatchObject({
      status: 'taken',
    });
    w.close();
  });

  it('a client that switches nodes catches up from the database', async () => {
    const w = await createWorld(nodeA, urlA);
    const anna = await w.connect(w.anna, urlA);
    const ben = await w.connect(w.ben, urlB);
    const seen = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'gesehen',
    });
    await ben.inbox.waitFor('chat:message', (m) => m.id === seen.message.id);
    ben.socket.disconnect();
    await ok(anna.socket, 'chat:send', { roomId: w.plenaryId, clientId: id(), body: 'verpasst' });
    const again = await w.connect(w.ben, urlA);
    const caughtUp = await ok(again.socket, 'chat:catchUp', {
      roomId: w.plenaryId,
      since: seen.message.id,
    });
    expect(caughtUp.messages.map((m) => m.body)).toEqual(['verpasst']);
    w.close();
  });
});
