import type { FastifyInstance } from 'fastify';
import { sendMessage } from '../features/chat/service.ts';
import { raiseHand } from '../features/hands/service.ts';
import { assignToGroup } from '../features/phases/assignments.ts';
import { requestHelp, resolveHelpRequest } from '../features/phases/help.ts';
import { getNotes } from '../features/phases/notes.ts';
import { writeGroupNotes } from './notes.ts';
import { createPhase } from '../features/phases/service.ts';
import { recordConnected } from '../features/presence/service.ts';
import { askQuestion, upvoteQuestion } from '../features/questions/service.ts';
import { findPlenary, findRoom } from '../features/rooms/repository.ts';
import { createWorkingGroup } from '../features/rooms/service.ts';
import { attend, join, seedEvent, type Member } from './fixtures.ts';
import { closeAll, connectAs, type ClientSocket } from './sockets.ts';

/**
 * A fresh event for one socket test: a plenary, two working groups (the first moderated by
 * `moderator`), an organizer and three attendees. `connect` opens a real socket for a member.
 */
export async function createWorld(app: FastifyInstance, url: string) {
  const event = await seedEvent(app);
  const plenary = await findPlenary(app.db, event.id);
  const organizer = await join(app, event.id, 'organizer', 'Olga Organisatorin');
  const moderator = await join(app, event.id, 'moderator', 'Moritz Moderator');
  const group = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Mobilität', description: '', capacity: null, moderatorIds: [moderator.personId] },
    null,
  );
  const otherGroup = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Wohnen', description: '', capacity: null, moderatorIds: [] },
    null,
  );
  const anna = await join(app, event.id, 'attendee', 'Anna');
  const ben = await join(app, event.id, 'attendee', 'Ben');
  const cem = await join(app, event.id, 'attendee', 'Cem');
  const sockets: ClientSocket[] = [];
  return {
    event,
    slug: event.slug,
    plenaryId: plenary.id,
    groupId: group.id,
    otherGroupId: otherGroup.id,
    organizer,
    moderator,
    anna,
    ben,
    cem,
    async connect(member: Member, to = url) {
      const connection = await connectAs(to, member, event.slug);
      sockets.push(connection.socket);
      return connection;
    },
    close: () => closeAll(...sockets),
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * An event with a plenary, one working group in a phase not yet opened, and its organizer: where
 * a member leaves traces (see leaveTraces) for the privacy and attendance tests.
 */
export async function createPhaseWorld(app: FastifyInstance, organizerName = 'Olga Organisatorin') {
  const event = await seedEvent(app);
  const organizer = await join(app, event.id, 'organizer', organizerName);
  const plenary = await findPlenary(app.db, event.id);
  const created = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Mobilität', description: '', capacity: null, moderatorIds: [] },
    null,
  );
  const group = await findRoom(app.db, event.id, created.id);
  const phase = await createPhase(
    app.db,
    event.id,
    {
      title: 'Arbeitsgruppen',
      agendaItemId: null,
      roomIds: [group.id],
      durationMinutes: 60,
      selfSelect: false,
    },
    organizer.personId,
  );
  return { event, slug: event.slug, organizer, plenary, group, phase };
}
export type PhaseWorld = Awaited<ReturnType<typeof createPhaseWorld>>;

/**
 * Everything a member can leave behind in an event, each through its real service: chat in the
 * plenary and the group, a question and an upvote on someone else's, a raised hand, presence, an
 * assignment, the group's notes, a help request (and someone else's marked done), attendance
 * from webhooks, and a promotion.
 */
export async function leaveTraces(
  app: FastifyInstance,
  e: PhaseWorld,
  member: Member,
  name: string,
  otherQuestionId?: number,
) {
  const author = { id: member.personId, displayName: name };
  const say = (room: typeof e.plenary, body: string) =>
    sendMessage(
      app.db,
      room,
      { author, clientId: crypto.randomUUID(), body },
      { mayBypassLock: false },
    );
  const plenaryMessage = await say(e.plenary, `Beitrag von ${name} im Plenum`);
  const groupMessage = await say(e.group, `Beitrag von ${name} in der AG`);
  const { question } = await askQuestion(app.db, e.plenary, {
    authorId: member.personId,
    clientId: crypto.randomUUID(),
    body: `Frage von ${name}`,
  });
  if (otherQuestionId) await upvoteQuestion(app.db, e.event.id, otherQuestionId, member.personId);
  await raiseHand(app.db, e.plenary, member.personId);
  await recordConnected(app.db, e.event.id, member.personId, e.plenary.id);
  await assignToGroup(app.db, {
    phaseId: e.phase.id,
    personId: member.personId,
    roomId: e.group.id,
    source: 'manual',
    actorId: e.organizer.personId,
  });
  await writeGroupNotes(
    app,
    { eventId: e.event.id, phaseId: e.phase.id, roomId: e.group.id, personId: member.personId },
    `Ergebnisse der AG, Stand ${new Date().toISOString()}`,
  );
  const notes = await getNotes(app.db, e.phase.id, e.group.id);
  await requestHelp(app.db, {
    phaseId: e.phase.id,
    roomId: e.group.id,
    personId: member.personId,
    message: `Hilfe für ${name}`,
  });
  // Marking someone else's call done leaves the member's id on that request.
  const othersCall = await requestHelp(app.db, {
    phaseId: e.phase.id,
    roomId: e.group.id,
    personId: e.organizer.personId,
    message: 'Hilfe der Leitung',
  });
  await resolveHelpRequest(app.db, {
    eventId: e.event.id,
    requestId: othersCall.id,
    personId: member.personId,
  });
  await attend(app, e.plenary.id, member.personId, '2026-03-12T08:00:00Z', '2026-03-12T08:45:00Z');
  const promoted = await app.inject({
    method: 'POST',
    url: `/api/rooms/${e.plenary.id}/participants/${member.personId}/promote`,
    headers: { cookie: e.organizer.cookie },
  });
  if (promoted.statusCode >= 300) throw new Error(`promote failed: ${promoted.body}`);
  return {
    plenaryMessageId: plenaryMessage.message.id,
    groupMessageId: groupMessage.message.id,
    questionId: question.id,
    notesVersion: notes.version,
  };
}
