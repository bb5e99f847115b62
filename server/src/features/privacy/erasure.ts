import { and, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { can, ERASED_MARKER, rolesThatMay, type ErasureReport } from '@plenum/shared';
import type { Db, Tx } from '../../db/client.ts';
import { memberships, people, sessions } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

export interface Erasure {
  report: ErasureReport;
  /** Anonymised chat messages, for the caller to tell the screens that show them. */
  chatMessages: { id: number; roomId: string | null; scope: 'room' | 'event' | 'working_groups' }[];
  questions: { id: number; roomId: string }[];
}

/**
 * Erases one person from one event on request (Art. 17 GDPR), in one transaction.
 *
 * Chat messages and questions are anonymised, not deleted: the author goes, the text becomes
 * "[gelöscht]" and the message becomes a deletion tombstone. A hard delete would leave the text on
 * the screen of every client that missed the live notice, while a tombstone reaches them through
 * catch-up (`deletedIds`); the conversation's ids and order stay intact, and nothing left names or
 * quotes the person. Hands, assignments, grants, presence and help requests are deleted; attendance
 * keeps its times without the person, so the rooms' figures stay true. Links to them elsewhere in
 * the event (notes' last editor, help requests they marked done, pins, moderation, invitations,
 * agenda speakers, audit entries) are cut. The membership goes; if no other remains, so do their
 * sessions and the person row with display name and email. The audit entry holds counts only.
 */
export async function erasePersonFromEvent(
  db: Db,
  input: { eventId: string; personId: string; actorId: string | null },
): Promise<Erasure> {
  const { eventId, personId } = input;
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)))
      .for('update');
    if (!membership) throw new AppError('not_found', 'This person is not a member of the event.');
    if (can(membership.role, 'event.own')) await refuseLastOrganizer(tx, eventId);

    const chatMessages = await anonymiseChat(tx, eventId, personId);
    const questions = await anonymiseQuestions(tx, eventId, personId);
    const votesRemoved = await removeVotes(tx, eventId, personId);
    const handsRemoved = await affected(
      tx,
      sql`delete from raised_hands where event_id = ${eventId} and person_id = ${personId} returning 1`,
    );
    const assignmentsRemoved = await affected(
      tx,
      sql`delete from assignments a using phases ph
        where a.phase_id = ph.id and ph.event_id = ${eventId} and a.person_id = ${personId} returning 1`,
    );
    const helpRequestsRemoved = await affected(
      tx,
      sql`delete from help_requests h using phases ph
        where h.phase_id = ph.id and ph.event_id = ${eventId} and h.person_id = ${personId} returning 1`,
    );
    const attendanceAnonymised = await affected(
      tx,
      sql`update attendance a set person_id = null from rooms r
        where a.room_id = r.id and r.event_id = ${eventId} and a.person_id = ${personId} returning 1`,
    );
    // Attendance over sockets, likewise: the time stays with the room, nameless.
    await tx.execute(
      sql`update presence_intervals set person_id = null
        where event_id = ${eventId} and person_id = ${personId}`,
    );
    await cutLinks(tx, eventId, personId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)));

    const [others] = await tx
      .select({ n: count() })
      .from(memberships)
      .where(eq(memberships.personId, personId));
    let sessionsRevoked = 0;
    const personDeleted = others!.n === 0;
    if (personDeleted) {
      const revoked = await tx
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      sessionsRevoked = revoked.length;
      // Sessions, votes and grants elsewhere cascade; remaining references are set null.
      await tx.delete(people).where(eq(people.id, personId));
    }

    const report: ErasureReport = {
      chatMessagesAnonymised: chatMessages.length,
      questionsAnonymised: questions.length,
      votesRemoved,
      handsRemoved,
      assignmentsRemoved,
      attendanceAnonymised,
      helpRequestsRemoved,
      personDeleted,
      sessionsRevoked,
    };
    await recordAudit(tx, {
      eventId,
      // Someone erasing themselves would be named by their own entry.
      actorId: input.actorId === personId ? null : input.actorId,
      action: 'privacy.erase',
      details: { ...report },
    });
    return { report, chatMessages, questions };
  });
}

async function refuseLastOrganizer(tx: Tx, eventId: string) {
  const [organizers] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(eq(memberships.eventId, eventId), inArray(memberships.role, rolesThatMay('event.own'))),
    );
  if (organizers!.n <= 1) {
    throw new AppError(
      'conflict',
      'This is the last organizer of the event; invite another organizer before erasing them.',
    );
  }
}

/** Runs a `… returning 1` statement and counts its rows (rowCount differs between drivers). */
async function affected(tx: Tx, statement: SQL) {
  const result = await tx.execute(
    sql`with done as (${statement}) select count(*)::int as n from done`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

async function anonymiseChat(tx: Tx, eventId: string, personId: string) {
  const result = await tx.execute(sql`
    update chat_messages set author_id = null, body = ${ERASED_MARKER},
      deleted_at = coalesce(deleted_at, now()), pinned_at = null, pinned_by = null
    where event_id = ${eventId} and author_id = ${personId}
    returning id::text as id, room_id as "roomId", scope`);
  return rowsOf<Erasure['chatMessages'][number]>(result).map((r) => ({ ...r, id: Number(r.id) }));
}

async function anonymiseQuestions(tx: Tx, eventId: string, personId: string) {
  const result = await tx.execute(sql`
    update questions set author_id = null, body = ${ERASED_MARKER}, status = 'hidden'
    where event_id = ${eventId} and author_id = ${personId}
    returning id::text as id, room_id as "roomId"`);
  return rowsOf<Erasure['questions'][number]>(result).map((r) => ({ ...r, id: Number(r.id) }));
}

/** Their upvotes go, and the counts on the questions stay in step. */
async function removeVotes(tx: Tx, eventId: string, personId: string) {
  const result = await tx.execute(sql`
    with removed as (
      delete from question_votes v using questions q
      where v.question_id = q.id and q.event_id = ${eventId} and v.person_id = ${personId}
      returning v.question_id
    ), recounted as (
      update questions set upvotes = greatest(upvotes - 1, 0)
      where id in (select question_id from removed)
    )
    select count(*)::int as n from removed`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** References to the person in the event's other records; the records themselves stay. */
async function cutLinks(tx: Tx, eventId: string, personId: string) {
  const statements = [
    sql`update chat_messages set pinned_by = null where event_id = ${eventId} and pinned_by = ${personId}`,
    sql`update chat_messages set deleted_by = null where event_id = ${eventId} and deleted_by = ${personId}`,
    sql`update questions set moderated_by = null where event_id = ${eventId} and moderated_by = ${personId}`,
    sql`update raised_hands set closed_by = null where event_id = ${eventId} and closed_by = ${personId}`,
    sql`delete from presence where event_id = ${eventId} and person_id = ${personId}`,
    sql`delete from room_grants g using rooms r
      where g.room_id = r.id and r.event_id = ${eventId} and g.person_id = ${personId}`,
    sql`delete from room_moderators m using rooms r
      where m.room_id = r.id and r.event_id = ${eventId} and m.person_id = ${personId}`,
    sql`update group_notes n set updated_by = null from phases ph
      where n.phase_id = ph.id and ph.event_id = ${eventId} and n.updated_by = ${personId}`,
    // The text they wrote in live notes stays, as the group's result; that they wrote it does not.
    sql`update note_updates u set person_id = null from note_docs d
      where u.doc_key = d.key and d.event_id = ${eventId} and u.person_id = ${personId}`,
    sql`update help_requests h set resolved_by = null from phases ph
      where h.phase_id = ph.id and ph.event_id = ${eventId} and h.resolved_by = ${personId}`,
    sql`update invitations set created_by = null where event_id = ${eventId} and created_by = ${personId}`,
    sql`update event_privacy set updated_by = null where event_id = ${eventId} and updated_by = ${personId}`,
    // A captioner's words stay in the transcript; who typed them does not.
    sql`update caption_lines set captioner_id = null where event_id = ${eventId} and captioner_id = ${personId}`,
    sql`update caption_settings set changed_by = null where event_id = ${eventId} and changed_by = ${personId}`,
    // A poll vote names its voter: it goes (the poll's counts drop by one); who made a poll does not.
    sql`delete from poll_votes v using polls p
      where v.poll_id = p.id and p.event_id = ${eventId} and v.person_id = ${personId}`,
    sql`update polls set created_by = null where event_id = ${eventId} and created_by = ${personId}`,
    sql`update agenda_items set speakers = (
        select coalesce(jsonb_agg(case when s->>'personId' = ${personId} then s - 'personId' else s end), '[]'::jsonb)
        from jsonb_array_elements(speakers) s)
      where event_id = ${eventId} and speakers @> ${JSON.stringify([{ personId }])}::jsonb`,
    // Audit entries stay (who steered the event), but no longer point at the person.
    sql`update audit_log set
        actor_id = case when actor_id = ${personId} then null else actor_id end,
        target = case when target = ${personId} then null else target end,
        details = (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from jsonb_each(details) e(k, v)
          where v <> to_jsonb(${personId}::text))
      where event_id = ${eventId} and (actor_id = ${personId} or target = ${personId}
        or exists (select 1 from jsonb_each(details) e(k, v) where v = to_jsonb(${personId}::text)))`,
  ];
  for (const statement of statements) await tx.execute(statement);
}
