import { and, asc, count, eq, max } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PersonExport } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import {
  assignments,
  attendance,
  chatMessages,
  events,
  groupNotes,
  helpRequests,
  memberships,
  noteDocs,
  noteUpdates,
  people,
  phases,
  presence,
  presenceIntervals,
  questions,
  questionVotes,
  pollVotes,
  polls,
  raisedHands,
  rooms,
} from '../../db/schema/index.ts';
import { notFound } from '../../lib/app-error.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Everything stored about one person (Art. 15 and 20 GDPR). `eventId` limits it to one event — an
 * organizer sees what their event holds, never the person's other events; null is the person's
 * own export of everything.
 */
export async function exportPerson(
  db: Db,
  personId: string,
  eventId: string | null,
): Promise<PersonExport> {
  const [profile] = await db.select().from(people).where(eq(people.id, personId));
  if (!profile) throw notFound('Person');
  const inEvent = (column: AnyPgColumn) => (eventId ? eq(column, eventId) : undefined);

  const [memberRows, chat, asked, votes, hands, assigned, present, seen, help, notes, resolved] =
    await Promise.all([
      db
        .select({
          eventId: events.id,
          slug: events.slug,
          title: events.title,
          role: memberships.role,
          since: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(events, eq(events.id, memberships.eventId))
        .where(and(eq(memberships.personId, personId), inEvent(memberships.eventId)))
        .orderBy(asc(memberships.createdAt)),
      db
        .select()
        .from(chatMessages)
        .where(and(eq(chatMessages.authorId, personId), inEvent(chatMessages.eventId)))
        .orderBy(asc(chatMessages.id)),
      db
        .select()
        .from(questions)
        .where(and(eq(questions.authorId, personId), inEvent(questions.eventId)))
        .orderBy(asc(questions.id)),
      db
        .select({ questionId: questionVotes.questionId, votedAt: questionVotes.votedAt })
        .from(questionVotes)
        .innerJoin(questions, eq(questions.id, questionVotes.questionId))
        .where(and(eq(questionVotes.personId, personId), inEvent(questions.eventId)))
        .orderBy(asc(questionVotes.votedAt)),
      db
        .select()
        .from(raisedHands)
        .where(and(eq(raisedHands.personId, personId), inEvent(raisedHands.eventId)))
        .orderBy(asc(raisedHands.id)),
      db
        .select({ a: assignments, eventId: phases.eventId })
        .from(assignments)
        .innerJoin(phases, eq(phases.id, assignments.phaseId))
        .where(and(eq(assignments.personId, personId), inEvent(phases.eventId)))
        .orderBy(asc(assignments.assignedAt)),
      db
        .select({ a: attendance, eventId: rooms.eventId })
        .from(attendance)
        .innerJoin(rooms, eq(rooms.id, attendance.roomId))
        .where(and(eq(attendance.personId, personId), inEvent(rooms.eventId)))
        .orderBy(asc(attendance.joinedAt)),
      db
        .select()
        .from(presence)
        .where(and(eq(presence.personId, personId), inEvent(presence.eventId))),
      db
        .select()
        .from(helpRequests)
        .innerJoin(phases, eq(phases.id, helpRequests.phaseId))
        .where(and(eq(helpRequests.personId, personId), inEvent(phases.eventId)))
        .orderBy(asc(helpRequests.id)),
      db
        .select({ n: groupNotes, eventId: phases.eventId })
        .from(groupNotes)
        .innerJoin(phases, eq(phases.id, groupNotes.phaseId))
        .where(and(eq(groupNotes.updatedBy, personId), inEvent(phases.eventId))),
      db
        .select({ h: helpRequests })
        .from(helpRequests)
        .innerJoin(phases, eq(phases.id, helpRequests.phaseId))
        .where(and(eq(helpRequests.resolvedBy, personId), inEvent(phases.eventId)))
        .orderBy(asc(helpRequests.id)),
    ]);
  const connected = await db
    .select()
    .from(presenceIntervals)
    .where(and(eq(presenceIntervals.personId, personId), inEvent(presenceIntervals.eventId)))
    .orderBy(asc(presenceIntervals.joinedAt));
  const noteEdits = await db
    .select({
      eventId: noteDocs.eventId,
      phaseId: noteDocs.phaseId,
      roomId: noteDocs.roomId,
      edits: count(),
      lastAt: max(noteUpdates.createdAt),
    })
    .from(noteUpdates)
    .innerJoin(noteDocs, eq(noteDocs.key, noteUpdates.docKey))
    .where(and(eq(noteUpdates.personId, personId), inEvent(noteDocs.eventId)))
    .groupBy(noteDocs.key)
    .orderBy(asc(noteDocs.createdAt));
  const ballots = await db
    .select({ v: pollVotes, eventId: polls.eventId, question: polls.question })
    .from(pollVotes)
    .innerJoin(polls, eq(polls.id, pollVotes.pollId))
    .where(and(eq(pollVotes.personId, personId), inEvent(polls.eventId)))
    .orderBy(asc(pollVotes.votedAt));

  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: profile.id,
      displayName: profile.displayName,
      email: profile.email,
      createdAt: iso(profile.createdAt),
    },
    memberships: memberRows.map((m) => ({ ...m, since: iso(m.since) })),
    chatMessages: chat.map((m) => ({
      id: m.id,
      eventId: m.eventId,
      roomId: m.roomId,
      scope: m.scope,
      body: m.body,
      createdAt: iso(m.createdAt),
      deletedAt: isoOrNull(m.deletedAt),
    })),
    questions: asked.map((q) => ({
      id: q.id,
      eventId: q.eventId,
      roomId: q.roomId,
      body: q.body,
      status: q.status,
      upvotes: q.upvotes,
      createdAt: iso(q.createdAt),
    })),
    questionVotes: votes.map((v) => ({ questionId: v.questionId, votedAt: iso(v.votedAt) })),
    pollVotes: ballots.map(({ v, eventId, question }) => ({
      pollId: v.pollId,
      eventId,
      question,
      choices: v.choices,
      votedAt: iso(v.votedAt),
    })),
    hands: hands.map((h) => ({
      id: h.id,
      eventId: h.eventId,
      roomId: h.roomId,
      status: h.status,
      raisedAt: iso(h.raisedAt),
      closedAt: isoOrNull(h.closedAt),
    })),
    assignments: assigned.map(({ a, eventId }) => ({
      phaseId: a.phaseId,
      eventId,
      roomId: a.roomId,
      source: a.source,
      assignedAt: iso(a.assignedAt),
    })),
    attendance: present.map(({ a, eventId }) => ({
      eventId,
      roomId: a.roomId,
      joinedAt: iso(a.joinedAt),
      leftAt: isoOrNull(a.leftAt),
    })),
    socketAttendance: connected.map((c) => ({
      eventId: c.eventId,
      roomId: c.roomId,
      joinedAt: iso(c.joinedAt),
      leftAt: isoOrNull(c.leftAt),
    })),
    presence: seen.map((p) => ({
      eventId: p.eventId,
      roomId: p.roomId,
      connectedAt: iso(p.connectedAt),
      lastSeenAt: iso(p.lastSeenAt),
    })),
    helpRequests: help.map(({ help_requests: h }) => ({
      phaseId: h.phaseId,
      roomId: h.roomId,
      message: h.message,
      createdAt: iso(h.createdAt),
      resolvedAt: isoOrNull(h.resolvedAt),
    })),
    helpRequestsResolved: resolved.map(({ h }) => ({
      phaseId: h.phaseId,
      roomId: h.roomId,
      resolvedAt: isoOrNull(h.resolvedAt),
    })),
    notesLastEdited: notes.map(({ n, eventId }) => ({
      phaseId: n.phaseId,
      eventId,
      roomId: n.roomId,
      body: n.body,
      version: n.version,
      updatedAt: iso(n.updatedAt),
    })),
    notesEdits: noteEdits.map((n) => ({ ...n, lastAt: n.lastAt ? iso(n.lastAt) : '' })),
  };
}

/** Whether the person is a member of the event (an organizer exports only their own members). */
export async function isMemberOf(db: Db, eventId: string, personId: string) {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)));
  return rows.length > 0;
}
