import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { AgendaItemInput, PhaseInput } from '@plenum/shared';
import { phases } from '../../db/schema/index.ts';
import { startItem } from '../../features/agenda/live.ts';
import { createAgendaItem } from '../../features/agenda/service.ts';
import { sendMessage } from '../../features/chat/service.ts';
import { raiseHand } from '../../features/hands/service.ts';
import { createInvitation } from '../../features/invitations/service.ts';
import { assignToGroup } from '../../features/phases/assignments.ts';
import { requestHelp } from '../../features/phases/help.ts';
import { closePhase, createPhase, openPhase } from '../../features/phases/service.ts';
import { askQuestion } from '../../features/questions/service.ts';
import { createWorkingGroup } from '../../features/rooms/service.ts';
import { openSession } from '../../features/sessions/service.ts';
import { SESSION_COOKIE } from '../../plugins/auth.ts';
import { join, seedEvent, type Member } from '../fixtures.ts';
import { findPlenary, findRoom } from '../../features/rooms/repository.ts';

/** Everyone the authorization table has a column for. */
export const actors = [
  'organizer',
  'moderatorHere',
  'moderatorElsewhere',
  'speaker',
  'attendee',
  'captioner',
  'otherEvent',
  'anonymous',
] as const;
export type ActorName = (typeof actors)[number];
export type MemberName = Exclude<ActorName, 'otherEvent' | 'anonymous'>;
export const members = [
  'organizer',
  'moderatorHere',
  'moderatorElsewhere',
  'speaker',
  'attendee',
  'captioner',
] as const satisfies readonly MemberName[];

/** The usual answers to "who may": table rows name one of these. */
export const everyMember = members;
/** Members who take part (raise hands, ask, vote, react): all but the captioner, who types. */
export const participants = [
  'organizer',
  'moderatorHere',
  'moderatorElsewhere',
  'speaker',
  'attendee',
] as const satisfies readonly MemberName[];
export const organizerOnly = ['organizer'] as const;
/** Organizers and every moderator (moderators steer the plenary and visit any group). */
export const staff = ['organizer', 'moderatorHere', 'moderatorElsewhere'] as const;
/** Who looks into any working group: staff, and the captioner (to caption there). */
export const visitors = [...staff, 'captioner'] as const;
/** Organizers and the moderators of the target room (group A). */
export const roomModerators = ['organizer', 'moderatorHere'] as const;
/** Who is in group A while the meeting runs: staff, and the attendee placed there. */
export const inGroupA = [...staff, 'attendee'] as const;

let slot = 0;
let slugs = 0;

/**
 * One event staged for authorization tests. Group A is "this room": `moderatorHere` moderates
 * it, `moderatorElsewhere` moderates group B. `otherEvent` is the organizer of a second event,
 * the strongest outsider there is. `bystander` is an attendee whom others act upon.
 */
export async function createCast(app: FastifyInstance) {
  const event = await seedEvent(app);
  const plenary = await findPlenary(app.db, event.id);
  const people: Record<MemberName, Member> = {
    organizer: await join(app, event.id, 'organizer', 'Olga Organisatorin'),
    moderatorHere: await join(app, event.id, 'moderator', 'Moritz Moderator'),
    moderatorElsewhere: await join(app, event.id, 'moderator', 'Mara Moderatorin'),
    speaker: await join(app, event.id, 'speaker', 'Sami Sprecher'),
    attendee: await join(app, event.id, 'attendee', 'Anna Teilnehmerin'),
    captioner: await join(app, event.id, 'captioner', 'Clara Schrift'),
  };
  const bystander = await join(app, event.id, 'attendee', 'Tara Teilnehmerin');
  const group = (name: string, moderator: Member) =>
    createWorkingGroup(
      app.db,
      event.id,
      { name, description: '', capacity: null, moderatorIds: [moderator.personId] },
      null,
    );
  const groupA = await group('AG A', people.moderatorHere);
  const groupB = await group('AG B', people.moderatorElsewhere);

  const other = await seedEvent(app);
  const otherOrganizer = await join(app, other.id, 'organizer', 'Otto Anderswo');
  const otherPlenary = await findPlenary(app.db, other.id);

  const memberOf = (actor: ActorName): Member | null =>
    actor === 'anonymous' ? null : actor === 'otherEvent' ? otherOrganizer : people[actor];
  const organizerId = people.organizer.personId;
  const shared = new Map<string, string>();
  let meetingId: string | null = null;

  const c = {
    app,
    event,
    slug: event.slug,
    plenaryId: plenary.id,
    groupAId: groupA.id,
    groupBId: groupB.id,
    people,
    bystander,
    other: {
      event: other,
      slug: other.slug,
      plenaryId: otherPlenary.id,
      organizer: otherOrganizer,
    },

    member: memberOf,
    cookie: (actor: ActorName) => memberOf(actor)?.cookie,
    personId: (actor: ActorName) => memberOf(actor)?.personId,
    room: (roomId: string) => findRoom(app.db, event.id, roomId),

    /** A second session of the same person, for calls that end the session they use. */
    async freshCookie(actor: ActorName) {
      const member = memberOf(actor);
      if (!member) return undefined;
      const { secret } = await openSession(app.db, member.personId, 1);
      return `${SESSION_COOKIE}=${app.signCookie(secret)}`;
    },
    uniqueSlug: () => `trust-${Date.now().toString(36)}-${++slugs}`,

    async freshGroup() {
      const room = await createWorkingGroup(
        app.db,
        event.id,
        { name: `AG ${++slot}`, description: '', capacity: null, moderatorIds: [] },
        null,
      );
      return room.id;
    },
    /** The next free two-minute slot of the first day (07:00 Berlin onwards), one minute long. */
    nextSlot() {
      const start = Date.parse('2026-03-12T06:00:00.000Z') + ++slot * 2 * 60_000;
      return new Date(start).toISOString();
    },
    async freshItem() {
      const input = AgendaItemInput.parse({
        title: `Punkt ${slot}`,
        startsAt: c.nextSlot(),
        durationMinutes: 1,
      });
      return (await createAgendaItem(app.db, event.id, input, organizerId)).id;
    },
    async runningItem() {
      const id = await c.freshItem();
      await startItem(app.db, event.id, id, organizerId);
      return id;
    },
    async freshAttendee() {
      return (await join(app, event.id, 'attendee', `Gast ${++slot}`)).personId;
    },
    async freshInvitation() {
      const invitation = { role: 'attendee' as const, label: '', maxUses: null, expiresAt: null };
      return (await createInvitation(app.db, event.id, invitation, null)).row.id;
    },

    async draftPhase(selfSelect = true) {
      const input = PhaseInput.parse({
        title: `Phase ${++slot}`,
        roomIds: [groupA.id, groupB.id],
        durationMinutes: 30,
        selfSelect,
      });
      return (await createPhase(app.db, event.id, input, organizerId)).id;
    },
    /** A draft phase made once and reused by calls that do not change it much. */
    async sharedPhase() {
      let id = shared.get('phase');
      if (!id) shared.set('phase', (id = await c.draftPhase(true)));
      return id;
    },
    async closeOpenPhases() {
      const open = await app.db
        .select({ id: phases.id })
        .from(phases)
        .where(and(eq(phases.eventId, event.id), eq(phases.status, 'open')));
      for (const p of open) await closePhase(app.db, p.id, organizerId);
    },
    async openPhaseNow() {
      await c.closeOpenPhases();
      const id = await c.draftPhase(false);
      await openPhase(app.db, id, organizerId);
      return id;
    },
    async anOpenPhase() {
      const [open] = await app.db
        .select({ id: phases.id })
        .from(phases)
        .where(and(eq(phases.eventId, event.id), eq(phases.status, 'open')));
      return open?.id ?? c.openPhaseNow();
    },
    /** A running phase with the attendee placed in group A and the speaker in group B. */
    async meeting() {
      if (meetingId && (await c.anOpenPhase()) === meetingId) return meetingId;
      await c.closeOpenPhases();
      const id = await c.draftPhase(false);
      const place = (who: MemberName, roomId: string) =>
        assignToGroup(app.db, {
          phaseId: id,
          personId: people[who].personId,
          roomId,
          source: 'manual',
          actorId: organizerId,
        });
      await place('attendee', groupA.id);
      await place('speaker', groupB.id);
      await openPhase(app.db, id, organizerId);
      return (meetingId = id);
    },

    /** A chat message by the organizer in a room of this event. */
    async message(roomId: string) {
      const { message } = await sendMessage(
        app.db,
        await c.room(roomId),
        {
          author: { id: organizerId, displayName: 'Olga Organisatorin' },
          clientId: randomUUID(),
          body: 'Eine Nachricht',
        },
        { mayBypassLock: true },
      );
      return message.id;
    },
    /** The bystander's raised hand in a room (the same one until someone takes or dismisses it). */
    async hand(roomId: string) {
      const { hand } = await raiseHand(app.db, await c.room(roomId), bystander.personId);
      return hand.id;
    },
    /** A fresh help request from the bystander in a group of the shared phase. */
    async helpRequest(roomId: string) {
      const phaseId = await c.sharedPhase();
      const input = { phaseId, roomId, personId: bystander.personId, message: 'Bitte kommen' };
      return (await requestHelp(app.db, input)).id;
    },
    async question() {
      const { question } = await askQuestion(app.db, plenary, {
        authorId: bystander.personId,
        clientId: randomUUID(),
        body: 'Wie geht es weiter?',
      });
      return question.id;
    },
  };
  return c;
}
export type Cast = Awaited<ReturnType<typeof createCast>>;
