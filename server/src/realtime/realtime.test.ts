import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../test/app.ts';
import { join, seedEvent } from '../test/fixtures.ts';
import { connect, connectAs, Inbox, listen, ok, openSocket } from '../test/sockets.ts';
import { useSocketWorld } from '../test/socket-world.ts';
import { createWorld } from '../test/world.ts';

const t = useSocketWorld();
let slug: string;
let eventId: string;

beforeAll(async () => {
  const event = await seedEvent(t.app);
  slug = event.slug;
  eventId = event.id;
});

/** Connects and returns the refusal the client saw as connect_error. */
async function refusal(opts: Parameters<typeof openSocket>[1]) {
  const socket = openSocket(t.url, opts);
  try {
    await connect(socket);
  } catch (err) {
    return {
      message: (err as Error).message,
      code: (err as { data?: { code?: string } }).data?.code,
    };
  } finally {
    socket.disconnect();
  }
  throw new Error('the connection was accepted');
}

describe('socket handshake', () => {
  it('a socket without a session is refused with a clear reason', async () => {
    expect(await refusal({ event: slug })).toEqual({
      code: 'unauthenticated',
      message: 'Please join with your invitation link before connecting.',
    });
  });

  it('a tampered or revoked session cookie is refused', async () => {
    const member = await join(t.app, eventId, 'attendee');
    const tampered = member.cookie.slice(0, -3) + (member.cookie.endsWith('A') ? 'BBB' : 'AAA');
    expect((await refusal({ cookie: tampered, event: slug })).code).toBe('unauthenticated');
    await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie: member.cookie } });
    expect((await refusal({ cookie: member.cookie, event: slug })).code).toBe('unauthenticated');
  });

  it('a socket from a foreign origin is refused, one from PUBLIC_URL is accepted', async () => {
    const member = await join(t.app, eventId, 'attendee');
    expect(
      await refusal({ cookie: member.cookie, event: slug, origin: 'https://evil.example' }),
    ).toEqual({
      code: 'forbidden',
      message: 'Connections from origin https://evil.example are not allowed.',
    });
    const socket = openSocket(t.url, {
      cookie: member.cookie,
      event: slug,
      origin: 'http://localhost:3000',
    });
    await connect(socket);
    socket.disconnect();
  });

  it('a socket for an event the person is not a member of, or none named, is refused', async () => {
    const member = await join(t.app, eventId, 'attendee');
    const other = await seedEvent(t.app);
    expect(await refusal({ cookie: member.cookie, event: other.slug })).toEqual({
      code: 'forbidden',
      message: 'You are not a member of this event.',
    });
    expect(await refusal({ cookie: member.cookie, event: 'gibt-es-nicht' })).toMatchObject({
      code: 'forbidden',
    });
    expect((await refusal({ cookie: member.cookie })).code).toBe('bad_request');
  });

  it('a packet over 64 KB closes the connection and is not processed', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const closed = new Promise<string>((resolve) => anna.socket.on('disconnect', resolve));
    anna.socket.emit(
      'chat:send',
      { roomId: w.plenaryId, clientId: crypto.randomUUID(), body: 'x'.repeat(70_000) },
      () => {},
    );
    expect(await closed).toBe('transport close');
    w.close();
  });
});

describe('reconnects and restarts', () => {
  it('a short connection loss is recovered: what was sent meanwhile arrives by itself', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = openSocket(t.url, { cookie: w.ben.cookie, event: w.slug, reconnect: true });
    const inbox = new Inbox(ben);
    await connect(ben);
    // Recovery resumes from the last broadcast the client saw, so it must have seen one.
    const before = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: crypto.randomUUID(),
      body: 'vorher',
    });
    await inbox.waitFor('chat:message', (m) => m.id === before.message.id);
    const reconnected = new Promise<void>((resolve) => ben.io.once('reconnect', () => resolve()));
    ben.io.engine.close(); // the network drops; the client reconnects by itself
    await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: crypto.randomUUID(),
      body: 'während der Funkstille',
    });
    await reconnected;
    const after = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: crypto.randomUUID(),
      body: 'danach',
    });
    await inbox.waitFor('chat:message', (m) => m.id === after.message.id);
    expect(ben.recovered).toBe(true);
    expect(inbox.all('chat:message').map((m) => m.body)).toEqual([
      'vorher',
      'während der Funkstille',
      'danach',
    ]);
    ben.disconnect();
    w.close();
  });

  it('a server restart loses nothing: chat, hands, questions and the lock are read back from the database', async () => {
    const restartable = await createTestApp();
    let second: FastifyInstance | undefined;
    try {
      const firstUrl = await listen(restartable.app);
      const w = await createWorld(restartable.app, firstUrl);
      const anna = await w.connect(w.anna);
      const organizer = await w.connect(w.organizer);
      const sent = [];
      for (const body of ['eins', 'zwei', 'drei']) {
        sent.push(
          (
            await ok(anna.socket, 'chat:send', {
              roomId: w.plenaryId,
              clientId: crypto.randomUUID(),
              body,
            })
          ).message,
        );
      }
      await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
      const { question } = await ok(anna.socket, 'question:ask', {
        clientId: crypto.randomUUID(),
        body: 'Bleibt das?',
      });
      await ok(organizer.socket, 'chat:lock', { roomId: w.groupId, locked: true });
      await restartable.app.close();

      second = await restartable.restart();
      const secondUrl = await listen(second);
      const ben = await connectAs(secondUrl, w.ben, w.slug);
      const caughtUp = await ok(ben.socket, 'chat:catchUp', { roomId: w.plenaryId, since: 0 });
      expect(caughtUp.messages.map((m) => m.id)).toEqual(sent.map((m) => m.id));
      expect(
        (await ok(ben.socket, 'hand:list', { roomId: w.plenaryId })).hands.map((h) => h.person.id),
      ).toEqual([w.anna.personId]);
      expect((await ok(ben.socket, 'question:list', {})).questions.map((q) => q.id)).toEqual([
        question.id,
      ]);
      const org = await connectAs(secondUrl, w.organizer, w.slug);
      expect((await ok(org.socket, 'chat:history', { roomId: w.groupId })).locked).toBe(true);
      // A resend of a message the first node stored is recognised by the second.
      const anew = await connectAs(secondUrl, w.anna, w.slug);
      const resent = await ok(anew.socket, 'chat:send', {
        roomId: w.plenaryId,
        clientId: sent[0]!.clientId,
        body: 'eins',
      });
      expect(resent.message.id).toBe(sent[0]!.id);
      for (const s of [ben, org, anew]) s.socket.disconnect();
    } finally {
      await restartable.close();
    }
  });
});
