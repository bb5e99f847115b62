import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { AccessToken } from 'livekit-server-sdk';
import type { Role } from '@plenum/shared';
import { rooms } from '../../db/schema/index.ts';
import { SESSION_COOKIE } from '../../plugins/auth.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { createInvitation } from '../invitations/service.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { createPhase } from '../phases/service.ts';
import { assignToGroup } from '../phases/assignments.ts';
import { requestHelp, resolveHelpRequest } from '../phases/help.ts';
import { getNotes, saveNotes } from '../phases/notes.ts';
import { sendMessage } from '../chat/service.ts';
import { askQuestion, upvoteQuestion } from '../questions/service.ts';
import { raiseHand } from '../hands/service.ts';
import { recordConnected } from '../presence/service.ts';
import { findPlenary } from '../rooms/repository.ts';

/** Test helpers for privacy: members leave traces through the real services and webhooks. */

/** Redeems an invitation, optionally as an already signed-in member (one person, two events). */
export async function redeem(
  app: FastifyInstance,
  eventId: string,
  role: Role,
  body: { displayName: string; email?: string },
  signedIn?: Member,
): Promise<Member> {
  const { token } = await createInvitation(
    app.db,
    eventId,
    { role, label: 'test', maxUses: null, expiresAt: null },
    null,
  );
  const res = await app.inject({
    method: 'POST',
    url: `/api/invitations/${token}/redeem`,
    payload: body,
    headers: signedIn ? { cookie: signedIn.cookie } : {},
  });
  if (res.statusCode !== 200) throw new Error(`redeem failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  return { personId: res.json().person.id, cookie: `${SESSION_COOKIE}=${cookie.value}`, role };
}

/** A LiveKit webhook, signed with the app's key as LiveKit signs it, through the real route. */
export async function postWebhook(app: FastifyInstance, event: object) {
  const body = JSON.stringify(event);
  const token = new AccessToken(app.livekit.apiKey, app.livekit.apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  const res = await app.inject({
    method: 'POST',
    url: '/api/livekit/webhook',
    payload: body,
    headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
  });
  if (res.statusCode !== 200) throw new Error(`webhook failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

let sid = 0;
const seconds = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));

/** One LiveKit participant session from join to leave, as two webhooks. */
export async function attend(
  app: FastifyInstance,
  roomId: string,
  personId: string,
  joinedAt: string,
  leftAt: string | null,
) {
  const participant = {
    sid: `PA_${++sid}_${Date.now()}`,
    identity: personId,
    joinedAt: seconds(joinedAt),
  };
  const base = { room: { name: roomId }, participant };
  await postWebhook(app, {
    ...base,
    event: 'participant_joined',
    id: `EV_${participant.sid}_j`,
    createdAt: seconds(joinedAt),
  });
  if (leftAt) {
    await postWebhook(app, {
      ...base,
      event: 'participant_left',
      id: `EV_${participant.sid}_l`,
      createdAt: seconds(leftAt),
    });
  }
  return participant.sid;
}

/** An event with a plenary, one working group in a phase, and its organizer. */
export async function privacyEvent(app: FastifyInstance, organizerName = 'Olga Organisatorin') {
  const event = await seedEvent(app);
  const organizer = await join(app, event.id, 'organizer', organizerName);
  const plenary = await findPlenary(app.db, event.id);
  const created = await createWorkingGroup(
    app.db,
    event.id,
    { name: 'AG Mobilität', description: '', capacity: null, moderatorIds: [] },
    null,
  );
  const [group] = await app.db.select().from(rooms).where(eq(rooms.id, created.id));
  const phase = await createPhase(
    app.db,
    event.id,
    {
      title: 'Arbeitsgruppen',
      agendaItemId: null,
      roomIds: [group!.id],
      durationMinutes: 60,
      selfSelect: false,
    },
    organizer.personId,
  );
  return { event, slug: event.slug, organizer, plenary, group: group!, phase };
}
export type PrivacyEvent = Awaited<ReturnType<typeof privacyEvent>>;

/**
 * Everything a member can leave behind in an event, each through its real service: chat in the
 * plenary and the group, a question and an upvote on someone else's, a raised hand, presence, an
 * assignment, the group's notes, a help request (and someone else's marked done), attendance
 * from webhooks, and a promotion.
 */
export async function leaveTraces(
  app: FastifyInstance,
  e: PrivacyEvent,
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
  const notes = await saveNotes(app.db, {
    phaseId: e.phase.id,
    roomId: e.group.id,
    body: `Ergebnisse der AG, Stand ${new Date().toISOString()}`,
    baseVersion: (await getNotes(app.db, e.phase.id, e.group.id)).version,
    personId: member.personId,
  });
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
