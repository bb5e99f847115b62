import { describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { ERASED_MARKER } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import {
  assignments,
  attendance,
  auditLog,
  chatMessages,
  groupNotes,
  helpRequests,
  memberships,
  noteUpdates,
  people,
  presence,
  questions,
  questionVotes,
  raisedHands,
  roomGrants,
  sessions,
} from '../../db/schema/index.ts';
import { runCommand } from '../../cli/commands.ts';
import { join, redeem } from '../../test/fixtures.ts';
import { closeAll, connectAs } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { upvoteQuestion } from '../questions/service.ts';
import { getNotes } from '../phases/notes.ts';
import { createPhaseWorld, leaveTraces, type PhaseWorld } from '../../test/world.ts';

const t = useSocketWorld();

const erase = (e: PhaseWorld, personId: string, cookie = e.organizer.cookie) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${e.slug}/people/${personId}/erase`,
    headers: { cookie },
  });

/** Every row of every table as JSON text: what is not in here is not stored. */
async function everythingStored(db: Db) {
  const tables = await db.execute(
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  let dump = '';
  for (const { table_name } of (tables as unknown as { rows: { table_name: string }[] }).rows) {
    const rows = await db.execute(
      sql`select coalesce(json_agg(t)::text, '') as j from ${sql.identifier(table_name)} t`,
    );
    dump += (rows as unknown as { rows: { j: string }[] }).rows[0]!.j;
  }
  return dump;
}

describe('erasure of one person on request', () => {
  it('erasing an attendee of one event leaves no trace of them in any table', async () => {
    const e = await createPhaseWorld(t.app);
    const anna = await redeem(t.app, e.event.id, 'attendee', {
      displayName: 'Annegret Erasmus',
      email: 'annegret@example.org',
    });
    const ben = await join(t.app, e.event.id, 'attendee', 'Ben');
    const bens = await leaveTraces(t.app, e, ben, 'Ben');
    const annas = await leaveTraces(t.app, e, anna, 'Annegret Erasmus', bens.questionId);
    await upvoteQuestion(t.app.db, e.event.id, annas.questionId, ben.personId);
    const annaSocket = await connectAs(t.url, anna, e.slug);
    const benSocket = await connectAs(t.url, ben, e.slug);
    const annaDisconnected = new Promise((r) => annaSocket.socket.once('disconnect', r));
    const attendanceBefore = await t.app.db.$count(attendance, eq(attendance.roomId, e.plenary.id));
    expect(await everythingStored(t.app.db)).toContain(anna.personId);

    const res = await erase(e, anna.personId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      chatMessagesAnonymised: 2,
      questionsAnonymised: 1,
      votesRemoved: 1,
      handsRemoved: 1,
      assignmentsRemoved: 1,
      attendanceAnonymised: 1,
      helpRequestsRemoved: 1,
      personDeleted: true,
      sessionsRevoked: 1,
    });

    // Live: others' screens drop the text, the person's connection ends.
    await benSocket.inbox.waitFor('chat:deleted', (d) => d.messageId === annas.plenaryMessageId);
    await benSocket.inbox.waitFor('question:hidden', (q) => q.questionId === annas.questionId);
    await annaDisconnected;
    closeAll(annaSocket.socket, benSocket.socket);

    // Not a trace: no id, no name, no email, no text — in any table.
    const stored = await everythingStored(t.app.db);
    for (const trace of [anna.personId, 'Annegret', 'Erasmus', 'annegret@example.org']) {
      expect(stored).not.toContain(trace);
    }
    // Chat and questions: anonymised tombstones, so catch-up removes them from every screen.
    const annaMessages = await t.app.db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.id, annas.plenaryMessageId));
    expect(annaMessages[0]).toMatchObject({ authorId: null, body: ERASED_MARKER });
    expect(annaMessages[0]!.deletedAt).not.toBeNull();
    const [annaQuestion] = await t.app.db
      .select()
      .from(questions)
      .where(eq(questions.id, annas.questionId));
    expect(annaQuestion).toMatchObject({ authorId: null, body: ERASED_MARKER, status: 'hidden' });
    // Her upvote is gone and Ben's count says so; Ben's own vote on her question stays.
    const [bensQuestion] = await t.app.db
      .select()
      .from(questions)
      .where(eq(questions.id, bens.questionId));
    expect(bensQuestion!.upvotes).toBe(0);
    expect(await t.app.db.$count(questionVotes, eq(questionVotes.personId, ben.personId))).toBe(1);
    // Rows of her own are gone; attendance keeps its times without her.
    for (const [table, column] of [
      [raisedHands, raisedHands.personId],
      [presence, presence.personId],
      [assignments, assignments.personId],
      [helpRequests, helpRequests.personId],
      [roomGrants, roomGrants.personId],
      [memberships, memberships.personId],
      [sessions, sessions.personId],
      [people, people.id],
    ] as const) {
      expect(await t.app.db.$count(table, eq(column, anna.personId))).toBe(0);
    }
    expect(await t.app.db.$count(attendance, eq(attendance.roomId, e.plenary.id))).toBe(
      attendanceBefore,
    );
    const [notes] = await t.app.db
      .select()
      .from(groupNotes)
      .where(eq(groupNotes.phaseId, e.phase.id));
    expect(notes!.updatedBy).toBeNull();
    expect(notes!.version).toBe(annas.notesVersion);
    // Her live notes edits stay, as the group's text, without her name on them.
    const edits = await t.app.db
      .select({ personId: noteUpdates.personId })
      .from(noteUpdates)
      .where(like(noteUpdates.docKey, `group:${e.phase.id}:%`));
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.filter((u) => u.personId === anna.personId)).toEqual([]);
    expect((await getNotes(t.app.db, e.phase.id, e.group.id)).body).toContain('Ergebnisse der AG');
    // Ben is untouched.
    expect(stored).toContain('Beitrag von Ben im Plenum');
    for (const [table, column] of [
      [raisedHands, raisedHands.personId],
      [assignments, assignments.personId],
      [helpRequests, helpRequests.personId],
      [attendance, attendance.personId],
    ] as const) {
      expect(await t.app.db.$count(table, eq(column, ben.personId))).toBe(1);
    }
    // Her cookie no longer opens anything.
    expect(
      (await t.app.inject({ url: '/api/me', headers: { cookie: anna.cookie } })).statusCode,
    ).toBe(401);
    // The audit says that an organizer erased someone, and how much, but not whom.
    const [entry] = await t.auditEntries(e.event.id, 'privacy.erase');
    expect(entry).toMatchObject({ actorId: e.organizer.personId, target: null });
    expect(entry!.details).toMatchObject({ chatMessagesAnonymised: 2, personDeleted: true });
  });

  it('erasing someone who is also in another event keeps them and their data there', async () => {
    const e1 = await createPhaseWorld(t.app);
    const e2 = await createPhaseWorld(t.app, 'Otto Organisator');
    const carla = await redeem(t.app, e1.event.id, 'attendee', { displayName: 'Carla' });
    await redeem(t.app, e2.event.id, 'attendee', { displayName: 'Carla' }, carla);
    await leaveTraces(t.app, e1, carla, 'Carla');
    await leaveTraces(t.app, e2, carla, 'Carla');

    const res = await erase(e1, carla.personId);
    expect(res.json()).toMatchObject({
      chatMessagesAnonymised: 2,
      personDeleted: false,
      sessionsRevoked: 0,
    });
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: carla.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.displayName).toBe('Carla');
    expect(me.json().memberships.map((m: { slug: string }) => m.slug)).toEqual([e2.slug]);
    const inEvent1 = await t.app.inject({
      url: `/api/events/${e1.slug}`,
      headers: { cookie: carla.cookie },
    });
    expect(inEvent1.statusCode).toBe(404);

    const count = async (eventId: string) => ({
      chat: await t.app.db.$count(
        chatMessages,
        and(eq(chatMessages.eventId, eventId), eq(chatMessages.authorId, carla.personId)),
      ),
      questions: await t.app.db.$count(
        questions,
        and(eq(questions.eventId, eventId), eq(questions.authorId, carla.personId)),
      ),
      hands: await t.app.db.$count(
        raisedHands,
        and(eq(raisedHands.eventId, eventId), eq(raisedHands.personId, carla.personId)),
      ),
      presence: await t.app.db.$count(
        presence,
        and(eq(presence.eventId, eventId), eq(presence.personId, carla.personId)),
      ),
    });
    expect(await count(e1.event.id)).toEqual({ chat: 0, questions: 0, hands: 0, presence: 0 });
    expect(await count(e2.event.id)).toEqual({ chat: 2, questions: 1, hands: 1, presence: 1 });
    expect(
      await t.app.db.$count(
        assignments,
        and(eq(assignments.phaseId, e1.phase.id), eq(assignments.personId, carla.personId)),
      ),
    ).toBe(0);
    expect(
      await t.app.db.$count(
        assignments,
        and(eq(assignments.phaseId, e2.phase.id), eq(assignments.personId, carla.personId)),
      ),
    ).toBe(1);
    const attended = await t.app.db
      .select({ roomId: attendance.roomId })
      .from(attendance)
      .where(eq(attendance.personId, carla.personId));
    expect(attended).toEqual([{ roomId: e2.plenary.id }]);
    // Event 1's audit no longer points at her; event 2's still may.
    const audit1 = await t.app.db.select().from(auditLog).where(eq(auditLog.eventId, e1.event.id));
    expect(JSON.stringify(audit1)).not.toContain(carla.personId);
  });

  it('only an organizer of the event may erase, and never its last organizer', async () => {
    const e = await createPhaseWorld(t.app);
    const other = await createPhaseWorld(t.app);
    const dora = await join(t.app, e.event.id, 'attendee', 'Dora');
    const moderator = await join(t.app, e.event.id, 'moderator', 'Moritz');
    expect((await erase(e, moderator.personId, dora.cookie)).statusCode).toBe(403);
    expect((await erase(e, dora.personId, moderator.cookie)).statusCode).toBe(403);
    expect((await erase(e, dora.personId, other.organizer.cookie)).statusCode).toBe(404);
    expect((await erase(e, crypto.randomUUID())).statusCode).toBe(404);
    expect((await erase(e, other.organizer.personId)).statusCode).toBe(404);
    expect((await erase(e, 'not-a-uuid')).statusCode).toBe(400);
    const last = await erase(e, e.organizer.personId);
    expect(last.statusCode).toBe(409);
    expect(await t.app.db.$count(memberships, eq(memberships.eventId, e.event.id))).toBe(3);
  });

  it('the CLI erases on request and prints counts, never the person', async () => {
    const e = await createPhaseWorld(t.app);
    const emil = await join(t.app, e.event.id, 'attendee', 'Emil Eraser');
    await leaveTraces(t.app, e, emil, 'Emil Eraser');
    const run = (flags: Record<string, string>) => runCommand(t.app.db, t.config, ['erase'], flags);
    await expect(run({ event: e.slug })).rejects.toThrow(/--person/);
    await expect(run({ person: emil.personId })).rejects.toThrow(/--event/);
    await expect(run({ event: 'gibt-es-nicht', person: emil.personId })).rejects.toThrow(
      /No event/,
    );
    const output = await run({ event: e.slug, person: emil.personId });
    expect(output).toMatch(/chatMessagesAnonymised: 2/);
    expect(output).toMatch(/personDeleted: true/);
    expect(output).not.toContain('Emil');
    expect(await t.app.db.$count(people, eq(people.id, emil.personId))).toBe(0);
    const [entry] = await t.auditEntries(e.event.id, 'privacy.erase');
    expect(entry!.actorId).toBeNull();
    await expect(run({ event: e.slug, person: emil.personId })).rejects.toThrow(/not a member/);
  });
});
