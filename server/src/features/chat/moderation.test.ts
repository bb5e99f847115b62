import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { chatMessages } from '../../db/schema/index.ts';
import { moveSocketsOfPerson } from '../../realtime/rooms.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const id = () => crypto.randomUUID();
describe('chat moderation', () => {
  it('an attendee cannot delete, pin or lock, and nothing changes', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const { message } = await ok(ben.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Bitte nicht löschen',
    });
    for (const [event, payload] of [
      ['chat:delete', { messageId: message.id }],
      ['chat:pin', { messageId: message.id, pinned: true }],
      ['chat:lock', { roomId: w.plenaryId, locked: true }],
    ] as const) {
      const ack = await ask(anna.socket, event, payload as never);
      expect(ack, event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const history = await ok(anna.socket, 'chat:history', { roomId: w.plenaryId });
    expect(history).toMatchObject({
      messages: [{ id: message.id, pinned: false }],
      pinned: [],
      locked: false,
    });
  });

  it('a moderator deletes a message: the room is told, it leaves the history, the text is erased, and it is audited', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const moderator = await w.connect(w.moderator);
    const { message } = await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Unpassend',
    });
    const deleted = await ok(moderator.socket, 'chat:delete', { messageId: message.id });
    expect(deleted).toMatchObject({ messageId: message.id, roomId: w.plenaryId, scope: 'room' });
    await ben.inbox.waitFor('chat:deleted', (d) => d.messageId === message.id);
    expect((await ok(ben.socket, 'chat:history', { roomId: w.plenaryId })).messages).toEqual([]);
    const [row] = await t.app.db.select().from(chatMessages).where(eq(chatMessages.id, message.id));
    expect(row).toMatchObject({ body: '', deletedBy: w.moderator.personId });
    expect(await t.audited(w.event.id, 'chat.delete')).toBe(1);
    expect((await ask(moderator.socket, 'chat:delete', { messageId: message.id })).ok).toBe(false);
  });

  it('a moderator pins a message; everyone sees it pinned, and unpinning is audited too', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const { message } = await ok(moderator.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Folien: https://example.org/folien',
    });
    await ok(moderator.socket, 'chat:pin', { messageId: message.id, pinned: true });
    expect(await anna.inbox.waitFor('chat:pinned', (m) => m.id === message.id)).toMatchObject({
      pinned: true,
    });
    expect(
      (await ok(anna.socket, 'chat:history', { roomId: w.plenaryId })).pinned.map((m) => m.id),
    ).toEqual([message.id]);
    await ok(moderator.socket, 'chat:pin', { messageId: message.id, pinned: false });
    expect((await ok(anna.socket, 'chat:history', { roomId: w.plenaryId })).pinned).toEqual([]);
    expect(await t.audited(w.event.id, 'chat.pin')).toBe(1);
    expect(await t.audited(w.event.id, 'chat.unpin')).toBe(1);
  });

  it('a moderator of one working group cannot moderate the chat of another', async () => {
    const w = await t.world();
    const organizer = await w.connect(w.organizer);
    const moderator = await w.connect(w.moderator);
    const { message } = await ok(organizer.socket, 'chat:send', {
      roomId: w.otherGroupId,
      clientId: id(),
      body: 'AG Wohnen',
    });
    const ack = await ask(moderator.socket, 'chat:delete', { messageId: message.id });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('an organizer locks the chat of a room: attendees are refused, moderators still write; unlocking reopens it', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const organizer = await w.connect(w.organizer);
    expect(
      await ask(moderator.socket, 'chat:lock', { roomId: w.plenaryId, locked: true }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await ok(organizer.socket, 'chat:lock', { roomId: w.plenaryId, locked: true });
    expect(await anna.inbox.waitFor('chat:locked')).toEqual({ roomId: w.plenaryId, locked: true });
    const refused = await ask(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Darf ich?',
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The chat of this room is locked.' },
    });
    await ok(moderator.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Wir machen gleich weiter.',
    });
    expect((await ok(anna.socket, 'chat:history', { roomId: w.plenaryId })).locked).toBe(true);

    await ok(organizer.socket, 'chat:lock', { roomId: w.plenaryId, locked: false });
    await ok(anna.socket, 'chat:send', {
      roomId: w.plenaryId,
      clientId: id(),
      body: 'Jetzt geht es',
    });
    expect(await t.audited(w.event.id, 'chat.lock')).toBe(1);
    expect(await t.audited(w.event.id, 'chat.unlock')).toBe(1);
  });

  it('an organizer announces to the whole event, or only to the working groups', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const cem = await w.connect(w.cem);
    const organizer = await w.connect(w.organizer);
    await moveSocketsOfPerson(t.app.realtime.io, w.cem.personId, w.plenaryId, w.groupId);

    const toGroups = await ok(organizer.socket, 'chat:announce', {
      scope: 'working_groups',
      clientId: id(),
      body: 'Noch 5 Minuten',
    });
    expect(toGroups.message).toMatchObject({ scope: 'working_groups', roomId: null });
    await cem.inbox.waitFor('chat:message', (m) => m.id === toGroups.message.id);
    const toAll = await ok(organizer.socket, 'chat:announce', {
      scope: 'event',
      clientId: id(),
      body: 'Willkommen zurück im Plenum',
    });
    await cem.inbox.waitFor('chat:message', (m) => m.id === toAll.message.id);
    await anna.inbox.waitFor('chat:message', (m) => m.id === toAll.message.id);
    // The plenary got the announcement to everybody, and never the one for the groups before it.
    expect(anna.inbox.all('chat:message').map((m) => m.id)).toEqual([toAll.message.id]);

    const groupHistory = await ok(organizer.socket, 'chat:history', { roomId: w.groupId });
    expect(groupHistory.messages.map((m) => m.id)).toEqual([toGroups.message.id, toAll.message.id]);
    const plenaryHistory = await ok(anna.socket, 'chat:history', { roomId: w.plenaryId });
    expect(plenaryHistory.messages.map((m) => m.id)).toEqual([toAll.message.id]);
    expect(await t.audited(w.event.id, 'chat.announce')).toBe(2);
  });

  it('an attendee or moderator cannot send announcements', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    for (const socket of [anna.socket, moderator.socket]) {
      const ack = await ask(socket, 'chat:announce', {
        scope: 'event',
        clientId: id(),
        body: 'Achtung',
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await t.app.db.$count(chatMessages, eq(chatMessages.eventId, w.event.id))).toBe(0);
  });

  it('more than 5 messages in 5 seconds get a rate-limit error ack and are not stored', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const acks = [];
    for (let i = 0; i < 6; i++) {
      acks.push(
        await ask(anna.socket, 'chat:send', {
          roomId: w.plenaryId,
          clientId: id(),
          body: `Nachricht ${i}`,
        }),
      );
    }
    expect(acks.slice(0, 5).every((a) => a.ok)).toBe(true);
    expect(acks[5]).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'You are sending messages too quickly; please wait a few seconds.',
      },
    });
    expect(await t.app.db.$count(chatMessages, eq(chatMessages.roomId, w.plenaryId))).toBe(5);
    expect(anna.socket.connected).toBe(true);
  });

  it('a socket that keeps flooding is told so and disconnected', async () => {
    const w = await t.world();
    const ben = await w.connect(w.ben);
    const disconnected = new Promise<string>((resolve) => ben.socket.on('disconnect', resolve));
    // Acks still in flight when the socket is closed are lost; what counts is what was stored.
    void Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ask(ben.socket, 'chat:send', { roomId: w.plenaryId, clientId: id(), body: `Flut ${i}` }),
      ),
    );
    expect(await ben.inbox.waitFor('socket:flooded')).toMatchObject({
      message: expect.stringMatching(/closed/),
    });
    expect(await disconnected).toBe('io server disconnect');
    const anna = await w.connect(w.anna);
    const history = await ok(anna.socket, 'chat:history', { roomId: w.plenaryId });
    expect(history.messages.length).toBeLessThanOrEqual(5);
  });
});
