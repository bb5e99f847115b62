import { randomUUID } from 'node:crypto';
import type { ClientEventName } from '@plenum/shared';
import { setChatLock } from '../../features/chat/moderation.ts';
import { setInterpreter, setSpotlight } from '../../features/stage/service.ts';
import { findPoll } from '../../features/polls/repository.ts';
import { createPoll, openPoll } from '../../features/polls/service.ts';
import { closePhase } from '../../features/phases/service.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import { notesUpdate } from '../notes.ts';
import {
  everyMember,
  organizerOnly as organizer,
  participants,
  roomModerators,
  staff,
  visitors,
  type ActorName,
  type Cast,
} from './cast.ts';

export interface SocketRow {
  event: ClientEventName;
  /** Tells apart several rows of one event (another target room). */
  target?: string;
  allowed: readonly ActorName[];
  /** The payload for one actor; fresh targets where the event consumes them. */
  payload(c: Cast, actor: ActorName): unknown;
  /** Puts back what an allowed call changed, so later rows start from the same state. */
  restore?(c: Cast): Promise<unknown>;
}

const text = (body: string) => ({ clientId: randomUUID(), body });

const pollOf = (roomId: string | null) => ({
  roomId,
  question: 'Wie weiter?',
  kind: 'single' as const,
  options: ['So', 'Anders'],
  anonymous: true,
});
/** A fresh poll, prepared by the organizer (and opened, unless `draft`); its id. */
async function freshPoll(c: Cast, roomId: string, draft = false) {
  const poll = await createPoll(c.app.db, c.event.id, pollOf(roomId), c.people.organizer.personId);
  if (!draft) {
    await openPoll(
      c.app.db,
      await findPoll(c.app.db, c.event.id, poll.id),
      c.people.organizer.personId,
    );
  }
  return poll.id;
}

const plenaryNotes = { kind: 'plenary' as const };
/** Group A's people for its notes: the attendee placed there, its moderator, the organizer. */
const groupANotes = ['organizer', 'moderatorHere', 'attendee'] as const;
const groupANotesDoc = async (c: Cast) => ({
  kind: 'group' as const,
  phaseId: await c.meeting(),
  roomId: c.groupAId,
});

/**
 * Every Socket.IO client event and who may send it. Members of another event and people
 * without a session never get a socket for this event: their cells are handshake refusals.
 * Group A is moderated by `moderatorHere`; no phase runs, so attendees and speakers are not in it.
 */
export const socketTable: SocketRow[] = [
  { event: 'presence:list', allowed: everyMember, payload: () => ({}) },

  // Chat
  {
    event: 'chat:send',
    target: 'the plenary',
    allowed: everyMember,
    payload: (c) => ({ roomId: c.plenaryId, ...text('Hallo') }),
  },
  {
    event: 'chat:send',
    target: 'group A',
    allowed: visitors,
    payload: (c) => ({ roomId: c.groupAId, ...text('Hallo AG') }),
  },
  {
    event: 'chat:announce',
    allowed: organizer,
    payload: () => ({ scope: 'event', ...text('Noch 5 Minuten') }),
  },
  {
    event: 'chat:history',
    target: 'the plenary',
    allowed: everyMember,
    payload: (c) => ({ roomId: c.plenaryId }),
  },
  {
    event: 'chat:history',
    target: 'group A',
    allowed: visitors,
    payload: (c) => ({ roomId: c.groupAId }),
  },
  {
    event: 'chat:catchUp',
    target: 'group A',
    allowed: visitors,
    payload: (c) => ({ roomId: c.groupAId, since: 0 }),
  },
  {
    event: 'chat:delete',
    target: 'a fresh message in group A',
    allowed: roomModerators,
    payload: async (c) => ({ messageId: await c.message(c.groupAId) }),
  },
  {
    event: 'chat:pin',
    target: 'a fresh message in group A',
    allowed: roomModerators,
    payload: async (c) => ({ messageId: await c.message(c.groupAId), pinned: true }),
  },
  {
    event: 'chat:lock',
    target: 'group A (locking is for organizers)',
    allowed: organizer,
    payload: (c) => ({ roomId: c.groupAId, locked: true }),
    restore: async (c) =>
      setChatLock(c.app.db, await c.room(c.groupAId), false, c.people.organizer.personId),
  },

  // The stage: its state for everyone in the room, spotlight for the room's moderators
  { event: 'stage:state', allowed: everyMember, payload: (c) => ({ roomId: c.plenaryId }) },
  {
    event: 'stage:spotlight',
    target: 'group A',
    allowed: roomModerators,
    payload: (c) => ({ roomId: c.groupAId, personId: c.people.speaker.personId }),
    restore: async (c) =>
      setSpotlight(c.app.db, await c.room(c.groupAId), null, c.people.organizer.personId),
  },
  {
    event: 'stage:spotlight',
    target: 'the plenary',
    allowed: staff,
    payload: (c) => ({ roomId: c.plenaryId, personId: c.people.speaker.personId }),
    restore: async (c) =>
      setSpotlight(c.app.db, await c.room(c.plenaryId), null, c.people.organizer.personId),
  },
  {
    event: 'stage:interpreter',
    allowed: organizer,
    payload: (c) => ({ personId: c.people.attendee.personId, interpreter: true }),
    restore: (c) =>
      setInterpreter(
        c.app.db,
        c.event.id,
        c.people.attendee.personId,
        false,
        c.people.organizer.personId,
      ),
  },

  // Raised hands
  { event: 'hand:raise', allowed: participants, payload: (c) => ({ roomId: c.plenaryId }) },
  { event: 'hand:lower', allowed: everyMember, payload: (c) => ({ roomId: c.plenaryId }) },
  { event: 'hand:list', allowed: everyMember, payload: (c) => ({ roomId: c.plenaryId }) },
  {
    event: 'hand:takeNext',
    target: 'group A, with the bystander’s hand raised',
    allowed: roomModerators,
    payload: async (c) => {
      await c.hand(c.groupAId);
      return { roomId: c.groupAId };
    },
  },
  {
    event: 'hand:dismiss',
    target: 'the bystander’s hand in group A',
    allowed: roomModerators,
    payload: async (c) => ({ handId: await c.hand(c.groupAId) }),
  },

  // Questions (always the plenary's)
  { event: 'question:ask', allowed: participants, payload: () => text('Eine Frage') },
  { event: 'question:list', allowed: everyMember, payload: () => ({}) },
  {
    event: 'question:upvote',
    target: 'a fresh question',
    allowed: participants,
    payload: async (c) => ({ questionId: await c.question() }),
  },
  {
    event: 'question:answer',
    target: 'a fresh question',
    allowed: staff,
    payload: async (c) => ({ questionId: await c.question() }),
  },
  {
    event: 'question:hide',
    target: 'a fresh question',
    allowed: staff,
    payload: async (c) => ({ questionId: await c.question() }),
  },

  // Reactions (counted, never stored) and captions (typed by the captioner only)
  {
    event: 'reaction:send',
    target: 'the plenary',
    allowed: participants,
    payload: (c) => ({ roomId: c.plenaryId, kind: 'applause' }),
  },
  {
    event: 'reaction:send',
    target: 'group A',
    allowed: staff,
    payload: (c) => ({ roomId: c.groupAId, kind: 'thumbsUp' }),
  },
  {
    event: 'caption:write',
    target: 'the plenary',
    allowed: ['captioner'],
    payload: (c) => ({ roomId: c.plenaryId, text: 'Guten Morgen', final: true }),
  },
  {
    event: 'caption:write',
    target: 'group A',
    allowed: ['captioner'],
    payload: (c) => ({ roomId: c.groupAId, text: 'In der AG', final: false }),
  },

  // Visiting working groups, and their calls for help
  {
    event: 'group:visit',
    target: 'group A',
    allowed: visitors,
    payload: (c) => ({ roomId: c.groupAId }),
    restore: async (c) => {
      const visitors = c.app.realtime.io.in(socketRoom.room(c.groupAId));
      visitors.socketsJoin(socketRoom.room(c.plenaryId));
      visitors.socketsLeave(socketRoom.room(c.groupAId));
    },
  },
  {
    event: 'group:leave',
    target: 'group A (leaving where one is not changes nothing)',
    allowed: everyMember,
    payload: (c) => ({ roomId: c.groupAId }),
  },
  { event: 'help:list', allowed: staff, payload: () => ({}) },
  {
    event: 'help:done',
    target: 'a fresh help request from group A',
    allowed: roomModerators,
    payload: async (c) => ({ requestId: await c.helpRequest(c.groupAId) }),
  },

  // Polls: staff run them (moderators in the plenary and their own groups), those present vote
  {
    event: 'poll:create',
    target: 'the plenary',
    allowed: staff,
    payload: (c) => pollOf(c.plenaryId),
  },
  {
    event: 'poll:create',
    target: 'group A',
    allowed: roomModerators,
    payload: (c) => pollOf(c.groupAId),
  },
  { event: 'poll:create', target: 'the whole event', allowed: staff, payload: () => pollOf(null) },
  {
    event: 'poll:open',
    target: 'a fresh draft in group A',
    allowed: roomModerators,
    payload: async (c) => ({ pollId: await freshPoll(c, c.groupAId, true) }),
  },
  {
    event: 'poll:close',
    target: 'a fresh open poll in group A',
    allowed: roomModerators,
    payload: async (c) => ({ pollId: await freshPoll(c, c.groupAId) }),
  },
  {
    event: 'poll:vote',
    target: 'an open poll in the plenary',
    allowed: participants,
    payload: async (c) => ({ pollId: await freshPoll(c, c.plenaryId), choices: [1] }),
  },
  {
    event: 'poll:vote',
    target: 'an open poll in group A',
    allowed: staff,
    payload: async (c) => ({ pollId: await freshPoll(c, c.groupAId), choices: [0] }),
  },
  {
    event: 'poll:list',
    target: 'the plenary',
    allowed: everyMember,
    payload: (c) => ({ roomId: c.plenaryId }),
  },
  {
    event: 'poll:list',
    target: 'group A',
    allowed: visitors,
    payload: (c) => ({ roomId: c.groupAId }),
  },

  // Live notes: the plenary's for everyone to read, a group's for its people only
  {
    event: 'notes:open',
    target: 'the plenary notes',
    allowed: everyMember,
    payload: () => ({ doc: plenaryNotes, stateVector: '' }),
  },
  {
    event: 'notes:open',
    target: 'group A’s notes while the attendee meets there',
    allowed: groupANotes,
    payload: async (c) => ({ doc: await groupANotesDoc(c), stateVector: '' }),
  },
  {
    event: 'notes:update',
    target: 'the plenary notes',
    allowed: staff,
    payload: () => ({ doc: plenaryNotes, update: notesUpdate() }),
  },
  {
    event: 'notes:update',
    target: 'group A’s notes while the attendee meets there',
    allowed: groupANotes,
    payload: async (c) => ({ doc: await groupANotesDoc(c), update: notesUpdate() }),
  },
  {
    event: 'notes:cursor',
    target: 'the plenary notes',
    allowed: everyMember,
    payload: () => ({ doc: plenaryNotes, anchor: null, head: null }),
  },
  {
    event: 'notes:cursor',
    target: 'group A’s notes while the attendee meets there',
    allowed: groupANotes,
    payload: async (c) => ({ doc: await groupANotesDoc(c), anchor: null, head: null }),
  },
  // Leaving a document one does not have changes nothing.
  { event: 'notes:close', allowed: everyMember, payload: () => ({ doc: plenaryNotes }) },

  // Results in the plenary
  { event: 'results:current', allowed: everyMember, payload: () => ({}) },
  {
    event: 'results:show',
    target: 'a closed phase',
    allowed: staff,
    payload: async (c) => ({ phaseId: await closedPhase(c) }),
  },
  {
    event: 'results:hide',
    target: 'a closed phase',
    allowed: staff,
    payload: async (c) => ({ phaseId: await closedPhase(c) }),
  },
];

const closedPhases = new WeakMap<Cast, string>();
/** A phase that ran and closed, made once per cast. */
async function closedPhase(c: Cast) {
  let id = closedPhases.get(c);
  if (!id) {
    id = await c.openPhaseNow();
    await closePhase(c.app.db, id, c.people.organizer.personId);
    closedPhases.set(c, id);
  }
  return id;
}
