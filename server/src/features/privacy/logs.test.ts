import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ask, connectAs, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { createInvitation } from '../invitations/service.ts';
import { redeem } from '../../test/fixtures.ts';
import { createPhaseWorld } from '../../test/world.ts';

// Everything the app logs, at the most verbose level.
const lines: string[] = [];
const t = useSocketWorld({
  env: { LOG_LEVEL: 'trace' },
  app: { logStream: { write: (line: string) => void lines.push(line) } },
});

describe('logs', () => {
  it('carry no chat content, display names or invitation tokens, not even when storing a message fails', async () => {
    const marker = `geheim-${crypto.randomUUID()}`;
    const name = `Name-${crypto.randomUUID().slice(0, 8)}`;
    const e = await createPhaseWorld(t.app);
    const sender = await redeem(t.app, e.event.id, 'attendee', {
      displayName: name,
      email: `${name}@example.org`,
    });
    const receiver = await redeem(t.app, e.event.id, 'attendee', { displayName: 'Empfänger' });
    const a = await connectAs(t.url, sender, e.slug);
    const b = await connectAs(t.url, receiver, e.slug);
    t.opened.push(a.socket, b.socket);

    const sent = await ok(a.socket, 'chat:send', {
      roomId: e.plenary.id,
      clientId: crypto.randomUUID(),
      body: `Hallo ${marker}`,
    });
    await b.inbox.waitFor('chat:message', (m) => m.id === sent.message.id);
    await ok(a.socket, 'chat:history', { roomId: e.plenary.id });

    // A failing insert: drizzle's error lists the query's parameters — the message itself.
    await t.app.db.execute(
      sql.raw(`
      create function refuse_marked() returns trigger language plpgsql as $$
      begin
        if new.body like '%verweigert%' then raise exception 'storage refused'; end if;
        return new;
      end $$`),
    );
    await t.app.db.execute(
      sql.raw(`create trigger refuse_marked before insert on chat_messages
        for each row execute function refuse_marked()`),
    );
    const failed = await ask(a.socket, 'chat:send', {
      roomId: e.plenary.id,
      clientId: crypto.randomUUID(),
      body: `verweigert ${marker}`,
    });
    // The chat writer refuses a batch it could not store as `unavailable` (send again).
    expect(failed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Request lines name the URL: an invitation link's token must not be readable there.
    const { token } = await createInvitation(
      t.app.db,
      e.event.id,
      { role: 'attendee', label: 'log', maxUses: null, expiresAt: null },
      null,
    );
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).statusCode).toBe(200);

    const log = lines.join('');
    // The log is there and detailed: the failure, its query and its cause are in it.
    expect(log).toContain('storing a batch of chat messages failed');
    expect(log).toContain('Failed query');
    expect(log).toContain('storage refused');
    expect(log).toContain('params: [redacted]');
    expect(log).toContain('/api/invitations/[token]');
    for (const secret of [marker, name, `${name}@example.org`, 'Empfänger', token]) {
      expect(log).not.toContain(secret);
    }
  });
});
