import { describe, expect, it } from 'vitest';
import { eq, inArray, like, sql } from 'drizzle-orm';
import { chatMessages, groupNotes, noteDocs, noteUpdates } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, type Member } from '../../test/fixtures.ts';
import { sendMessage } from '../chat/service.ts';
import { writeGroupNotes } from '../../test/notes.ts';
import { runRetention } from './retention.ts';
import { createPhaseWorld, type PhaseWorld } from '../../test/world.ts';

const t = useTestApp();

const settings = (e: PhaseWorld, cookie: string, payload?: object) =>
  t.app.inject({
    method: payload ? 'PATCH' : 'GET',
    url: `/api/events/${e.slug}/privacy`,
    headers: { cookie },
    ...(payload && { payload }),
  });

/** A chat message through the real service, then aged by `days`. */
async function messageAged(e: PhaseWorld, author: Member, days: number) {
  const { message } = await sendMessage(
    t.app.db,
    e.plenary,
    {
      author: { id: author.personId, displayName: 'x' },
      clientId: crypto.randomUUID(),
      body: `vor ${days} Tagen`,
    },
    { mayBypassLock: false },
  );
  await t.app.db
    .update(chatMessages)
    .set({ createdAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(chatMessages.id, message.id));
  return message.id;
}

/** Many aged messages at once, straight into the table (for the concurrency test). */
async function bulkAged(eventId: string, roomId: string, n: number, days: number) {
  await t.app.db.execute(sql`
    insert into chat_messages (event_id, room_id, scope, client_id, body, created_at)
    select ${eventId}, ${roomId}, 'room', gen_random_uuid(), 'alt ' || i,
      now() - make_interval(days => ${days})
    from generate_series(1, ${n}) i`);
}

const remaining = (ids: number[]) =>
  t.app.db
    .select({ id: chatMessages.id })
    .from(chatMessages)
    .where(inArray(chatMessages.id, ids))
    .then((rows) => rows.map((r) => r.id).sort((a, b) => a - b));

const retentionAudit = (eventId: string) => t.auditEntries(eventId, 'privacy.retention');

describe('retention settings', () => {
  it('an organizer sets how long chat and notes are kept; it is audited', async () => {
    const e = await createPhaseWorld(t.app);
    expect((await settings(e, e.organizer.cookie)).json()).toEqual({
      chatRetentionDays: null,
      notesRetentionDays: null,
    });
    const res = await settings(e, e.organizer.cookie, { chatRetentionDays: 30 });
    expect(res.json()).toEqual({ chatRetentionDays: 30, notesRetentionDays: null });
    await settings(e, e.organizer.cookie, { notesRetentionDays: 90 });
    expect((await settings(e, e.organizer.cookie)).json()).toEqual({
      chatRetentionDays: 30,
      notesRetentionDays: 90,
    });
    const cleared = await settings(e, e.organizer.cookie, { chatRetentionDays: null });
    expect(cleared.json()).toEqual({ chatRetentionDays: null, notesRetentionDays: 90 });
    const audit = await t.auditEntries(e.event.id, 'privacy.update');
    expect(audit.map((a) => a.details)).toEqual([
      { chatRetentionDays: 30 },
      { notesRetentionDays: 90 },
      { chatRetentionDays: null },
    ]);
  });

  it('others may not see or change retention, and nonsense is refused', async () => {
    const e = await createPhaseWorld(t.app);
    const moderator = await join(t.app, e.event.id, 'moderator');
    const attendee = await join(t.app, e.event.id, 'attendee');
    expect((await settings(e, moderator.cookie)).statusCode).toBe(403);
    expect((await settings(e, attendee.cookie, { chatRetentionDays: 1 })).statusCode).toBe(403);
    for (const bad of [
      { chatRetentionDays: 0 },
      { chatRetentionDays: 1.5 },
      { chatRetentionDays: '7' },
      { other: 1 },
    ]) {
      expect((await settings(e, e.organizer.cookie, bad)).statusCode, JSON.stringify(bad)).toBe(
        400,
      );
    }
    expect((await settings(e, e.organizer.cookie)).json().chatRetentionDays).toBeNull();
  });
});

describe('retention job', () => {
  it('deletes chat and notes older than their retention, keeps newer ones and other events', async () => {
    const e = await createPhaseWorld(t.app);
    const keep = await createPhaseWorld(t.app);
    const anna = await join(t.app, e.event.id, 'attendee', 'Anna');
    const kai = await join(t.app, keep.event.id, 'attendee', 'Kai');
    await settings(e, e.organizer.cookie, { chatRetentionDays: 30, notesRetentionDays: 7 });
    const old = [await messageAged(e, anna, 31), await messageAged(e, anna, 400)];
    const fresh = [await messageAged(e, anna, 29), await messageAged(e, anna, 0)];
    const elsewhere = [await messageAged(keep, kai, 400)];
    for (const ev of [e, keep]) {
      const at = { eventId: ev.event.id, phaseId: ev.phase.id, roomId: ev.group.id };
      await writeGroupNotes(t.app, { ...at, personId: ev.organizer.personId }, 'Ergebnisse');
      await t.app.db
        .update(groupNotes)
        .set({ updatedAt: sql`now() - interval '8 days'` })
        .where(eq(groupNotes.phaseId, ev.phase.id));
      // The last live edit dates the notes too.
      await t.app.db
        .update(noteUpdates)
        .set({ createdAt: sql`now() - interval '8 days'` })
        .where(like(noteUpdates.docKey, `group:${ev.phase.id}:%`));
    }

    const result = await runRetention(t.app.db);
    expect(result).toEqual([{ eventId: e.event.id, chatMessages: 2, notes: 1 }]);
    expect(await remaining([...old, ...fresh, ...elsewhere])).toEqual(
      [...fresh, ...elsewhere].sort((a, b) => a - b),
    );
    expect(await t.app.db.$count(groupNotes, eq(groupNotes.phaseId, e.phase.id))).toBe(0);
    expect(await t.app.db.$count(groupNotes, eq(groupNotes.phaseId, keep.phase.id))).toBe(1);
    // The live documents go with them (their updates cascade).
    expect(await t.app.db.$count(noteDocs, eq(noteDocs.phaseId, e.phase.id))).toBe(0);
    expect(await t.app.db.$count(noteDocs, eq(noteDocs.phaseId, keep.phase.id))).toBe(1);
    // Audited with counts only: no text.
    const audit = await retentionAudit(e.event.id);
    expect(audit).toMatchObject([{ actorId: null, details: { chatMessages: 2, notes: 1 } }]);
    expect(JSON.stringify(audit)).not.toMatch(/Tagen|Ergebnisse/);
    // A second run finds nothing and writes nothing.
    expect(await runRetention(t.app.db)).toEqual([]);
    expect(await retentionAudit(e.event.id)).toHaveLength(1);
  });

  it('two nodes running the job at once delete each row exactly once, without error', async () => {
    const e = await createPhaseWorld(t.app);
    await settings(e, e.organizer.cookie, { chatRetentionDays: 1 });
    const other = await t.restart();
    for (let round = 0; round < 3; round++) {
      await bulkAged(e.event.id, e.plenary.id, 3000, 2);
      const fresh = await messageAged(e, e.organizer, 0);
      const runs = await Promise.all([
        runRetention(t.app.db, 400),
        runRetention(other.db, 400),
        runRetention(t.app.db, 400),
        runRetention(other.db, 400),
      ]);
      const deleted = runs.flat().reduce((n, r) => n + r.chatMessages, 0);
      expect(deleted).toBe(3000);
      expect(await t.app.db.$count(chatMessages, eq(chatMessages.eventId, e.event.id))).toBe(
        round + 1,
      );
      expect(await remaining([fresh])).toEqual([fresh]);
    }
    const audited = (await retentionAudit(e.event.id)).reduce(
      (n, a) => n + Number(a.details.chatMessages),
      0,
    );
    expect(audited).toBe(9000);
  });

  it('a node that starts deletes what expired while it was down', async () => {
    const e = await createPhaseWorld(t.app);
    await settings(e, e.organizer.cookie, { chatRetentionDays: 3 });
    await bulkAged(e.event.id, e.plenary.id, 10, 4);
    const node = await t.restart();
    await node.ready();
    expect(await t.app.db.$count(chatMessages, eq(chatMessages.eventId, e.event.id))).toBe(0);
  });
});
