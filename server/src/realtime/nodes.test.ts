import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ask, connect, Inbox, listen, ok, openSocket, type ClientSocket } from '../test/sockets.ts';
import type { Member } from '../test/fixtures.ts';
import { useSocketWorld } from '../test/socket-world.ts';
import { eq } from 'drizzle-orm';
import { sessions } from '../db/schema/index.ts';
import { CONNECTION_CAPS } from './connection-caps.ts';
import { moveSocketsOfPerson } from './rooms.ts';

/** Two app nodes on the same database, joined by real Redis: what one emits, the other delivers. */
const t = useSocketWorld({
  env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
});
let nodeA: FastifyInstance;
let nodeB: FastifyInstance;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  nodeA = t.app;
  urlA = t.url;
  nodeB = await t.restart();
  urlB = await listen(nodeB);
});
afterAll(async () => {
  const redis = nodeA.redis!.client;
  const keys = await redis.keys(`plenum:${new URL(t.databaseUrl).pathname.slice(1)}:*`);
  if (keys.length) await redis.del(keys);
});

const id = () => crypto.randomUUID();

describe('two nodes on Redis', () => {
  it('a chat message sent on one node reaches the same room on the other, and never another room', async () => {
    const w = await t.world();
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
    const w = await t.world();
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
    const w = await t.world();
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
    const w = await t.world();
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

  it('a logout on one node while the connection is down holds when the client recovers it on the other', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna, urlA);
    const { socket: ben, inbox } = await droppable(w.ben, w.slug, urlB);
    await seenOneBroadcast(anna.socket, inbox, w.plenaryId);
    ben.io.engine.close(); // the network drops
    await new Promise((resolve) => setTimeout(resolve, 100));
    const out = await nodeA.inject({
      method: 'POST',
      url: '/api/logout',
      headers: { cookie: w.ben.cookie },
    });
    expect(out.statusCode).toBe(200);
    const back = await reconnect(ben);
    if (back === 'refused') return w.close();
    // Recovered (the handshake is skipped): the session is checked again before anything else.
    // Its ack may be lost with the connection the server closes: what counts is that it is refused.
    const sent = await ask(ben, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'nach dem Abmelden',
    }).catch(() => ({ ok: false }));
    expect(sent).toMatchObject({ ok: false });
    await inbox.waitFor('socket:closed', (n) => n.reason === 'session_ended');
    await waitUntil(() => ben.disconnected);
    await seenOneBroadcast(anna.socket, anna.inbox, w.plenaryId);
    expect(anna.inbox.all('chat:message').map((m) => m.body)).not.toContain('nach dem Abmelden');
    w.close();
  });

  it('a connection whose handshake raced a logout on the other node is closed when it arrives', async () => {
    const w = await t.world();
    const [session] = await nodeA.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.personId, w.cem.personId));
    // As if node B's logout ran between node A's session query and the connection.
    nodeB.realtime.endSession(session!.id);
    await waitUntil(() => nodeA.realtime.endedSessions.has(session!.id));
    const { socket, inbox } = await droppable(w.cem, w.slug, urlA);
    await inbox.waitFor('socket:closed', (n) => n.reason === 'session_ended');
    await waitUntil(() => socket.disconnected);
  });

  it("a moderator's removal while the connection is down holds when the client recovers it", async () => {
    const w = await t.world();
    const { socket: ben, inbox } = await droppable(w.ben, w.slug, urlA);
    await moveSocketsOfPerson(nodeA.realtime.io, w.ben.personId, w.plenaryId, w.groupId);
    const moderator = await w.connect(w.moderator, urlB);
    await seenOneBroadcast(moderator.socket, inbox, w.groupId);
    expect(await ask(ben, 'chat:history', { roomId: w.groupId })).toMatchObject({ ok: true });
    ben.io.engine.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const removed = await nodeB.inject({
      method: 'POST',
      url: `/api/rooms/${w.groupId}/participants/${w.ben.personId}/remove`,
      headers: { cookie: w.moderator.cookie },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await reconnect(ben)).toBe('recovered');
    const sent = await ask(ben, 'chat:send', { roomId: w.groupId, clientId: id(), body: 'x' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(ben, 'chat:history', { roomId: w.groupId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Nothing said in the group reaches the removed person any more.
    const after = await ok(moderator.socket, 'chat:send', {
      roomId: w.groupId,
      clientId: id(),
      body: 'ohne Ben',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.all('chat:message').map((m) => m.id)).not.toContain(after.message.id);
    ben.disconnect();
    w.close();
  });

  it("a person's connections are counted on both nodes: beyond the cap the oldest is closed with a notice", async () => {
    const w = await t.world();
    const oldest = await droppable(w.anna, w.slug, urlB);
    const others = [];
    for (let i = 1; i <= CONNECTION_CAPS.perSession; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      others.push(await droppable(w.anna, w.slug, i % 2 ? urlA : urlB));
    }
    // The newest connection is on node A; the oldest, on node B, is closed through the adapter.
    expect(await oldest.inbox.waitFor('socket:closed')).toMatchObject({
      reason: 'too_many_connections',
    });
    await waitUntil(() => oldest.socket.disconnected);
    expect(others.map((c) => c.socket.connected)).toEqual(others.map(() => true));
    for (const c of others) c.socket.disconnect();
    w.close();
  });

  it('a client that switches nodes catches up from the database', async () => {
    const w = await t.world();
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

/** A socket whose transport the test drops; it reconnects only when told to (reconnect). */
async function droppable(member: Member, slug: string, url: string) {
  const socket = openSocket(url, { cookie: member.cookie, event: slug });
  const inbox = new Inbox(socket);
  await connect(socket);
  return { socket, inbox };
}

/** Recovery resumes from the last broadcast a client saw, so it must have seen one. */
async function seenOneBroadcast(sender: ClientSocket, inbox: Inbox, roomId: string) {
  const sent = await ok(sender, 'chat:send', { roomId, clientId: id(), body: 'Hallo' });
  await inbox.waitFor('chat:message', (m) => m.id === sent.message.id);
}

/** Connects a dropped socket again; it asks to recover its state, as socket.io-client does. */
async function reconnect(socket: ClientSocket): Promise<'recovered' | 'fresh' | 'refused'> {
  try {
    await connect(socket);
  } catch {
    return 'refused';
  }
  return socket.recovered ? 'recovered' : 'fresh';
}

async function waitUntil(condition: () => boolean, ms = 5_000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
