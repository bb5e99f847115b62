import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../app.ts';
import { startPrivateRedis, type ServiceProcess } from '../service-processes.ts';
import { ask, listen, ok, type ClientSocket, type Inbox } from '../sockets.ts';
import { createWorld, type World } from '../world.ts';

/**
 * Two app nodes joined by a Redis of the test's own, which crashes (SIGKILL) and comes back empty
 * on the same port. Cross-node delivery must come back by itself, and nothing acknowledged may be
 * lost: it is in Postgres, and every client is told to catch up from there (`socket:resync`).
 */
const DOWN_MS = 3_000;
/** Reconnect backoff tops out at 5 s, the adapter's blocking read at 5 s: well within 20 s. */
const RESUME_WITHIN_MS = 20_000;

let redis: ServiceProcess;
let t: TestApp;
let nodeA: FastifyInstance;
let nodeB: FastifyInstance;
let urlA: string;
let urlB: string;
let w: World;

beforeAll(async () => {
  redis = await startPrivateRedis();
  t = await createTestApp({ REDIS_URL: redis.url });
  nodeA = t.app;
  nodeB = await t.restart();
  urlA = await listen(nodeA);
  urlB = await listen(nodeB);
  w = await createWorld(nodeA, urlA);
});

afterAll(async () => {
  w?.close();
  await t?.close();
  await redis?.close();
});

const send = (socket: ClientSocket, body: string) =>
  ask(socket, 'chat:send', { roomId: w.plenaryId, clientId: crypto.randomUUID(), body });

/** Sends probes from one node until one reaches the other; the time from `since` to then. */
async function deliveryResumes(from: ClientSocket, to: Inbox, label: string, since: number) {
  for (let probe = 1; Date.now() - since < RESUME_WITHIN_MS; probe++) {
    const ack = await send(from, `${label} ${probe}`);
    if (ack.ok) {
      const arrived = await to
        .waitFor('chat:message', (m) => m.id === ack.message.id)
        .then(
          () => true,
          () => false,
        );
      if (arrived) return { ms: Date.now() - since, probes: probe, id: ack.message.id };
    } else {
      // One person may send five messages in five seconds; probes stay well below that.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
  }
  throw new Error(`${label}: no cross-node delivery within ${RESUME_WITHIN_MS} ms`);
}

describe('Redis restart under two nodes', () => {
  it('cross-node delivery resumes by itself after Redis crashes and returns empty', async () => {
    const anna = await w.connect(w.anna, urlA);
    const ben = await w.connect(w.ben, urlB);
    const acked: number[] = [];
    const before = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: crypto.randomUUID(),
      body: 'vor dem Absturz',
    });
    acked.push(before.message.id);
    await ben.inbox.waitFor('chat:message', (m) => m.id === before.message.id);

    // Cem's first connection drops while Redis is gone: the adapter then stores his session for
    // recovery in Redis, a write nobody awaits (an unhandled rejection, which ends a node).
    const cemsFirst = await w.connect(w.cem, urlA);
    // Her connection's own work (presence, the connection cap across nodes) settles first.
    await ok(cemsFirst.socket, 'presence:list', {});

    const downAt = Date.now();
    await redis.stop('SIGKILL');
    cemsFirst.socket.io.engine.close();
    // While Redis is gone, sending still works: stored in Postgres, acknowledged at once.
    const whileDown = await send(anna.socket, 'während Redis fehlt');
    const answeredMs = Date.now() - downAt;
    expect(whileDown).toMatchObject({ ok: true });
    if (!whileDown.ok) return;
    acked.push(whileDown.message.id);
    // This node's own clients get it at once; the adapter's failed publish does not hold it up.
    await anna.inbox.waitFor('chat:message', (m) => m.id === whileDown.message.id);
    const localDeliveryMs = Date.now() - downAt;
    const health = await nodeA.inject({ url: '/api/health' });
    expect(health.json()).toMatchObject({ db: 'up', redis: 'down' });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, DOWN_MS - answeredMs)));

    await redis.start();
    const upAt = Date.now();
    const aToB = await deliveryResumes(anna.socket, ben.inbox, 'A→B', upAt);
    acked.push(aToB.id);
    const bToA = await deliveryResumes(ben.socket, anna.inbox, 'B→A', upAt);
    acked.push(bToA.id);
    // The other node's client never got it live: it is told to catch up, and finds it there.
    await ben.inbox.waitFor('socket:resync');
    const missed = await ok(ben.socket, 'chat:catchUp', {
      roomId: w.plenaryId,
      since: before.message.id,
    });
    expect(missed.messages.map((m) => m.id)).toContain(whileDown.message.id);
    for (const node of [nodeA, nodeB]) {
      expect((await node.inject({ url: '/api/health' })).json()).toMatchObject({ redis: 'up' });
    }

    // Everything acknowledged is there for a client that catches up, on either node.
    const late = await w.connect(w.cem, urlB);
    const caughtUp = await ok(late.socket, 'chat:catchUp', { roomId: w.plenaryId, since: 0 });
    const stored = new Set(caughtUp.messages.map((m) => m.id));
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    console.log('redis restart:', {
      downMs: upAt - downAt,
      localDeliveryMs,
      // Sent while Redis was gone: did it reach the other node live, or only by the catch-up?
      deliveredLiveToOtherNode:
        ben.inbox.indexOf('chat:message', (m: { id: number }) => m.id === whileDown.message.id) >=
        0,
      answeredWhileDownMs: answeredMs,
      resumedAtoBMs: aToB.ms,
      resumedBtoAMs: bToA.ms,
      probes: aToB.probes + bToA.probes,
    });
  });
});
