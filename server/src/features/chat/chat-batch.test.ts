import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import type { ChatMessage } from '@plenum/shared';
import { chatMessages } from '../../db/schema/index.ts';
import { join } from '../../test/fixtures.ts';
import { askRaw, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

/**
 * The node stores chat messages that arrive together in one statement (ChatWriter). What that must
 * never change: every acknowledged message is stored, everyone receives them in the order they
 * were stored, and a batch that fails tells each of its senders so and sends nothing.
 */
const t = useSocketWorld();
const id = () => crypto.randomUUID();

// Counts INSERT statements on chat_messages in this file's own database (one row per statement).
beforeAll(async () => {
  await t.app.db.execute(
    sql.raw(`
    create table test_chat_inserts (at timestamptz default now());
    create function test_count_chat_insert() returns trigger language plpgsql as
      $$ begin insert into test_chat_inserts default values; return null; end $$;
    create trigger test_count_chat_insert after insert on chat_messages
      for each statement execute function test_count_chat_insert();
    create function test_refuse_chat_insert() returns trigger language plpgsql as
      $$ begin raise exception 'refused by the test'; end $$;`),
  );
});
afterEach(async () => {
  await t.app.db.execute(sql`drop trigger if exists test_refuse_chat_insert on chat_messages`);
});
const insertStatements = async () => {
  const result = await t.app.db.execute(sql`select count(*)::int as n from test_chat_inserts`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
};

/** A world with `count` more attendees, each with a connected socket. */
async function crowd(count: number) {
  const w = await t.world();
  const members = await Promise.all(
    Array.from({ length: count }, (_, i) => join(t.app, w.event.id, 'attendee', `Gast ${i}`)),
  );
  const sockets = await Promise.all(members.map((m) => w.connect(m)));
  const observer = await w.connect(w.moderator);
  return { w, sockets, observer };
}

describe('chat messages sent at the same moment', () => {
  it('are stored together, each acknowledged with its stored id, and reach everyone in the order stored', async () => {
    const { w, sockets, observer } = await crowd(12);
    const before = await insertStatements();

    // Everyone sends four messages at once, without waiting for an answer (the limit is 5 in 5 s).
    const sends = sockets.flatMap((s, sender) =>
      [0, 1, 2, 3].map((n) => {
        const payload = { roomId: w.plenaryId, clientId: id(), body: `${sender}/${n}` };
        return ok(s.socket, 'chat:send', payload).then((ack) => ({ sender, n, payload, ack }));
      }),
    );
    const acked = await Promise.all(sends);

    // Every acknowledged message is stored, as acknowledged.
    const stored = await t.app.db
      .select({ id: chatMessages.id, clientId: chatMessages.clientId, body: chatMessages.body })
      .from(chatMessages)
      .where(
        inArray(
          chatMessages.clientId,
          acked.map((a) => a.payload.clientId),
        ),
      );
    expect(stored).toHaveLength(48);
    for (const a of acked) {
      expect(stored).toContainEqual({
        id: a.ack.message.id,
        clientId: a.payload.clientId,
        body: a.payload.body,
      });
    }
    // Fewer statements than messages: they were stored in batches.
    const statements = (await insertStatements()) - before;
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(24);

    // Each sender's messages are stored in the order sent.
    for (let sender = 0; sender < sockets.length; sender++) {
      const ids = acked.filter((a) => a.sender === sender).map((a) => a.ack.message.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }

    // Another person receives all 48, in the order of their ids, each once.
    const last = Math.max(...acked.map((a) => a.ack.message.id));
    await observer.inbox.waitFor('chat:message', (m) => m.id === last);
    const receivedIds = observer.inbox.all('chat:message').map((m: ChatMessage) => m.id);
    expect(receivedIds).toEqual(acked.map((a) => a.ack.message.id).sort((a, b) => a - b));
  });

  it('a batch that fails refuses every message in it with a clear error; none is stored or delivered, and a resend is stored once', async () => {
    const { w, sockets, observer } = await crowd(6);
    await t.app.db.execute(sql`
      create trigger test_refuse_chat_insert before insert on chat_messages
      for each statement execute function test_refuse_chat_insert()`);

    const payloads = sockets.map((_, i) => ({
      roomId: w.plenaryId,
      clientId: id(),
      body: `verloren ${i}`,
    }));
    const refusals = await Promise.all(
      sockets.map((s, i) => askRaw(s.socket, 'chat:send', payloads[i])),
    );
    for (const refusal of refusals) {
      expect(refusal).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Your message could not be stored; nothing was sent. Please send it again.',
        },
      });
    }
    const clientIds = payloads.map((p) => p.clientId);
    expect(await t.app.db.$count(chatMessages, inArray(chatMessages.clientId, clientIds))).toBe(0);

    // The database takes messages again: the same messages sent again are stored, once each.
    await t.app.db.execute(sql`drop trigger test_refuse_chat_insert on chat_messages`);
    const resent = await Promise.all(
      sockets.map((s, i) => ok(s.socket, 'chat:send', payloads[i]!)),
    );
    expect(resent.every((r) => r.message.id > 0)).toBe(true);
    expect(await t.app.db.$count(chatMessages, inArray(chatMessages.clientId, clientIds))).toBe(6);

    // The observer got the resent messages, each once, and nothing before them.
    const last = Math.max(...resent.map((r) => r.message.id));
    await observer.inbox.waitFor('chat:message', (m) => m.id === last);
    const received = observer.inbox.all('chat:message');
    expect(received.map((m: ChatMessage) => m.clientId).sort()).toEqual([...clientIds].sort());
  });
});
