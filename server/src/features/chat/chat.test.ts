import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { chatMessages } from '../../db/schema/index.ts';
import { moveSocketsOfPerson } from '../../realtime/rooms.ts';
import { ask, askRaw, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const id = () => crypto.randomUUID();
const storedWith = async (clientId: string) =>
  t.app.db.$count(chatMessages, eq(chatMessages.clientId, clientId));
const storedIn = async (roomId: string) =>
  t.app.db.$count(chatMessages, eq(chatMessages.roomId, roomId));

describe('chat', () => {
  it('a message from one attendee reaches another in the same room and never someone in another room', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const cem = await w.connect(w.cem);
    const moderator = await w.connect(w.moderator);
    await moveSocketsOfPerson(t.app.realtime.io, w.cem.personId, w.plenaryId, w.groupId);

    const sent = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Guten Morgen!',
    });
    const received = await ben.inbox.waitFor('chat:message', (m) => m.id === sent.message.id);
    expect(received).toMatchObject({
      body: 'Guten Morgen!',
      roomId: w.plenaryId,
      author: { displayName: 'Anna' },
    });

    // A later message in Cem's group: had Anna's reached Cem, it would have arrived before it.
    const marker = await ok(moderator.socket, 'chat:send', {
      roomId: w.groupId,
      clientId: id(),
      body: 'Willkommen in der AG',
    });
    await cem.inbox.waitFor('chat:message', (m) => m.id === marker.message.id);
    expect(cem.inbox.all('chat:message').map((m) => m.id)).toEqual([marker.message.id]);
  });

  it('the sender is acknowledged with the stored message: server id, its client id, its name', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const clientId = id();
    const ack = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId,
      body: '  Hallo  ',
    });
    expect(ack.message).toMatchObject({
      clientId,
      body: 'Hallo',
      scope: 'room',
      pinned: false,
      author: { id: w.anna.personId },
    });
    expect(ack.message.id).toBeGreaterThan(0);
  });

  it('a resend with the same client id is acknowledged again and stored and delivered once', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const clientId = id();
    const payload = { roomId: w.plenaryId, clientId, body: 'Nur einmal' };
    const [first, second] = await Promise.all([
      ok(anna.socket, 'chat:send', payload),
      ok(anna.socket, 'chat:send', payload),
    ]);
    const third = await ok(anna.socket, 'chat:send', payload);
    expect(second.message.id).toBe(first.message.id);
    expect(third.message).toEqual(first.message);
    expect(await storedWith(clientId)).toBe(1);

    const marker = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Marke',
    });
    await ben.inbox.waitFor('chat:message', (m) => m.id === marker.message.id);
    expect(ben.inbox.all('chat:message').filter((m) => m.clientId === clientId)).toHaveLength(1);
  });

  it('history after a reconnect contains what was sent while disconnected', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const seen = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'vorher',
    });
    await ben.inbox.waitFor('chat:message', (m) => m.id === seen.message.id);
    ben.socket.disconnect();

    const missed = [];
    for (const body of ['eins', 'zwei', 'drei']) {
      missed.push(
        (await ok(anna.socket, 'chat:send', { roomId: w.plenaryId, clientId: id(), body })).message,
      );
    }
    const again = await w.connect(w.ben);
    const caughtUp = await ok(again.socket, 'chat:catchUp', {
      roomId: w.plenaryId,
      since: seen.message.id,
    });
    expect(caughtUp.messages.map((m) => m.body)).toEqual(['eins', 'zwei', 'drei']);
    expect(caughtUp).toMatchObject({ hasMore: false, deletedIds: [], locked: false });
    const history = await ok(again.socket, 'chat:history', { roomId: w.plenaryId });
    expect(history.messages.map((m) => m.id)).toEqual([
      seen.message.id,
      ...missed.map((m) => m.id),
    ]);
  });

  it('a catch-up also names messages deleted while the client was away', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const old = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'alt',
    });
    const last = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'zuletzt gesehen',
    });
    await ok(moderator.socket, 'chat:delete', { messageId: old.message.id });
    const caughtUp = await ok(anna.socket, 'chat:catchUp', {
      roomId: w.plenaryId,
      since: last.message.id,
    });
    expect(caughtUp.deletedIds).toEqual([old.message.id]);
  });

  it('history pages backwards, at most 50 at a time, oldest first within a page', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const rows = Array.from({ length: 120 }, (_, i) => ({
      eventId: w.event.id,
      roomId: w.plenaryId,
      authorId: w.ben.personId,
      clientId: id(),
      body: `Nachricht ${i + 1}`,
    }));
    await t.app.db.insert(chatMessages).values(rows);
    const newest = await ok(anna.socket, 'chat:history', { roomId: w.plenaryId });
    expect(newest.messages).toHaveLength(50);
    expect(newest.messages.at(0)!.body).toBe('Nachricht 71');
    expect(newest.messages.at(-1)!.body).toBe('Nachricht 120');
    expect(newest.hasMore).toBe(true);
    const older = await ok(anna.socket, 'chat:history', {
      roomId: w.plenaryId,
      before: newest.messages[0]!.id,
    });
    expect(older.messages.at(-1)!.body).toBe('Nachricht 70');
    const oldest = await ok(anna.socket, 'chat:history', {
      roomId: w.plenaryId,
      before: older.messages[0]!.id,
    });
    expect(oldest.messages.map((m) => m.body)).toEqual(rows.slice(0, 20).map((r) => r.body));
    expect(oldest.hasMore).toBe(false);
    expect((await ask(anna.socket, 'chat:history', { roomId: w.plenaryId, limit: 51 })).ok).toBe(
      false,
    );
  });

  it('a message of 2001 characters gets an error ack and nothing is stored; 2000 are fine', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const tooLong = await ask(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'x'.repeat(2001),
    });
    expect(tooLong).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'Invalid input — body: at most 2000 characters',
        fields: { body: 'at most 2000 characters' },
      },
    });
    expect(await storedIn(w.plenaryId)).toBe(0);
    await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'x'.repeat(2000),
    });
    expect(await storedIn(w.plenaryId)).toBe(1);
  });

  it('malformed payloads get validation errors and nothing is stored', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const send = (ev: string, ...args: unknown[]) => askRaw(anna.socket, ev, ...args);
    const bad: unknown[] = [
      'Hallo',
      null,
      42,
      {},
      { roomId: w.plenaryId, clientId: id() },
      { roomId: w.plenaryId, clientId: id(), body: '' },
      { roomId: w.plenaryId, clientId: id(), body: '   ' },
      { roomId: w.plenaryId, clientId: id(), body: 7 },
      { roomId: w.plenaryId, clientId: 'nicht-uuid', body: 'x' },
      { roomId: 'plenum', clientId: id(), body: 'x' },
      { roomId: w.plenaryId, clientId: id(), body: 'a\u0000b' },
      { roomId: w.plenaryId, clientId: id(), body: 'evil\u202Etxt' },
      { roomId: w.plenaryId, clientId: id(), body: 'x', html: '<b>' },
    ];
    for (const payload of bad) {
      const ack = await send('chat:send', payload);
      expect(ack, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
    }
    expect(await send('chat:send')).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await storedIn(w.plenaryId)).toBe(0);
  });

  it('an event sent without an ack callback is ignored', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ignored = id();
    (anna.socket.emit as (ev: string, ...args: unknown[]) => void)('chat:send', {
      roomId: w.plenaryId,
      clientId: ignored,
      body: 'ohne Ack',
    });
    await ok(anna.socket, 'chat:send', { roomId: w.plenaryId, clientId: id(), body: 'mit Ack' });
    expect(await storedWith(ignored)).toBe(0);
    expect(anna.socket.connected).toBe(true);
  });

  it('an attendee cannot write into or read a working group they are not in', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const send = await ask(anna.socket, 'chat:send', {
      roomId: w.groupId,
      clientId: id(),
      body: 'Hallo AG',
    });
    expect(send).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You are not in this room.' },
    });
    expect((await ask(anna.socket, 'chat:history', { roomId: w.groupId })).ok).toBe(false);
    expect((await ask(anna.socket, 'chat:catchUp', { roomId: w.groupId, since: 0 })).ok).toBe(
      false,
    );
    const unknown = await ask(anna.socket, 'chat:send', {
      roomId: id(),
      clientId: id(),
      body: 'x',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await storedIn(w.groupId)).toBe(0);
  });
});
