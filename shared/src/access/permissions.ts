import type { moderatorActions } from '../vocab/vocab.ts';
import { outranks, type Role } from './roles.ts';

/**
 * The role × action matrix, and the only place where a role is named. The server decides every
 * right with `can()`; the client uses the same function only to hide what the server would refuse.
 * Zod-free: the client imports it as `@plenum/shared/access`.
 *
 * Event actions need a role in the event. Room actions additionally need the target room: a
 * moderator may do them in the plenary and in the rooms they moderate.
 */
export const eventActions = {
  'event.view': ['organizer', 'moderator', 'speaker', 'captioner', 'attendee'],
  'event.edit': ['organizer'],
  'room.manage': ['organizer'],
  'invitation.manage': ['organizer'],
  'agenda.manage': ['organizer'],
  'schedule.run': ['organizer'],
  'phase.run': ['organizer'],
  'assignment.move': ['organizer'],
  'announcement.broadcast': ['organizer'],
  'audit.read': ['organizer'],
  'attendance.read': ['organizer'],
  /** Retention settings, and export and erasure of one person's data. */
  'privacy.manage': ['organizer'],
  /** Look into any working group: staff, and captioners who caption there (read-only). */
  'room.visitAny': ['organizer', 'moderator', 'captioner'],
  /** The list of help requests (a moderator sees those of the groups they moderate). */
  'help.read': ['organizer', 'moderator'],
  /** Start further events: whoever organizes one may (the first is made with the CLI). */
  'event.create': ['organizer'],
  /** Hold the event: it never loses the last of these (erasure refuses to remove them). */
  'event.own': ['organizer'],
  /** Steer every room, not only the working groups one moderates; hear every group's help calls. */
  'room.steerAny': ['organizer'],
  /** Be named a moderator of a working group. */
  'room.moderate': ['organizer', 'moderator'],
  /** Present in the plenary (camera, microphone, screen) without being promoted; others watch. */
  'plenary.present': ['organizer', 'moderator', 'speaker'],
  /** Take part in working-group phases as a member: choose a group, or be placed by the balance. */
  'phase.participate': ['speaker', 'attendee'],
  /**
   * Contribute where one is: publish media where the room allows it, write a group's notes, call
   * for help. Captioners listen and type captions only.
   */
  'room.contribute': ['organizer', 'moderator', 'speaker', 'attendee'],
  /** Switch the event's caption transcript on or off, and export it. */
  'caption.transcript': ['organizer'],
  /** Prepare, open and close polls for the whole event (room polls: `poll.run`). */
  'poll.runEventWide': ['organizer', 'moderator'],
  /** Show a closed phase's results in the plenary, and hide them again. */
  'results.present': ['organizer', 'moderator'],
  /** Mark a member as sign-language interpreter, whose tile everyone keeps seeing. */
  'stage.interpreter': ['organizer'],
  /** Preferred on the stage while the live agenda item names none of its speakers as members. */
  'stage.featured': ['speaker'],
  /**
   * One's joins, moves and leaves are told to the whole event; attendees' only to those who show
   * the people list (a plenary of 1,000 joining would be a million entries for everyone).
   */
  'presence.toEveryone': ['organizer', 'moderator', 'speaker', 'captioner'],
} as const satisfies Record<string, readonly Role[]>;

export const roomActions = {
  'chat.send': ['organizer', 'moderator', 'speaker', 'captioner', 'attendee'],
  'hand.raise': ['organizer', 'moderator', 'speaker', 'attendee'],
  'question.ask': ['organizer', 'moderator', 'speaker', 'attendee'],
  'chat.moderate': ['organizer', 'moderator'],
  'chat.lock': ['organizer'],
  'hand.take': ['organizer', 'moderator'],
  'participant.promote': ['organizer', 'moderator'],
  'participant.mute': ['organizer', 'moderator'],
  'participant.remove': ['organizer', 'moderator'],
  'question.moderate': ['organizer', 'moderator'],
  'notes.moderate': ['organizer', 'moderator'],
  /** See a working group's help requests and mark them done (moderators: their own groups). */
  'help.resolve': ['organizer', 'moderator'],
  /** Applause and the like; a captioner types, and does not react. */
  'reaction.send': ['organizer', 'moderator', 'speaker', 'attendee'],
  /** Type into the room's caption stream (Schriftdolmetschen). */
  'caption.write': ['captioner'],
  /** Prepare, open and close a room's polls, see live counts and, in named polls, who voted. */
  'poll.run': ['organizer', 'moderator'],
  'poll.vote': ['organizer', 'moderator', 'speaker', 'attendee'],
  /** Put one person on everyone's main tile in the room ("spotlight for everyone"). */
  'stage.spotlight': ['organizer', 'moderator'],
} as const satisfies Record<string, readonly Role[]>;

export type EventAction = keyof typeof eventActions;
export type RoomAction = keyof typeof roomActions;
export type Action = EventAction | RoomAction;

/**
 * The right each entry of a moderator's person menu needs in the room: the server's moderation
 * route asks for it, the client offers only what passes.
 */
export const moderationRights = {
  promote: 'participant.promote',
  demote: 'participant.promote',
  mute: 'participant.mute',
  remove: 'participant.remove',
  readmit: 'participant.remove',
} as const satisfies Record<(typeof moderatorActions)[number], RoomAction>;

/** Who is acting, as far as rights go: their role in one event and the rooms they moderate. */
export interface Actor {
  personId: string;
  eventId: string;
  role: Role | null;
  moderatedRoomIds: ReadonlySet<string>;
}

export interface RoomTarget {
  eventId: string;
  roomId: string;
  kind: 'plenary' | 'working_group';
}

/** What a role may do anywhere in its event, when no event or room is at hand (media defaults). */
export function can(role: Role | null, action: EventAction): boolean;
export function can(actor: Actor | null, action: EventAction, target: { eventId: string }): boolean;
export function can(actor: Actor | null, action: RoomAction, target: RoomTarget): boolean;
export function can(
  who: Actor | Role | null,
  action: Action,
  target?: { eventId: string } | RoomTarget,
): boolean {
  if (who === null) return false;
  if (typeof who === 'string') return action in eventActions && roleMay(who, action as EventAction);
  if (who.role === null || !target || who.eventId !== target.eventId) return false;
  const role = who.role;
  if (action in eventActions) return roleMay(role, action as EventAction);
  const allowed = (roomActions[action as RoomAction] as readonly Role[]).includes(role);
  if (!allowed || !('roomId' in target) || roleMay(role, 'room.steerAny')) return allowed;
  // Moderators are not all-powerful: beyond the plenary they steer only their own rooms.
  if (participationActions.includes(action as RoomAction)) return true;
  return target.kind === 'plenary' || who.moderatedRoomIds.has(target.roomId);
}

/** Room actions everyone in the room may take, wherever; the rest are moderation. */
const participationActions: readonly RoomAction[] = [
  'chat.send',
  'reaction.send',
  'caption.write',
  'hand.raise',
  'question.ask',
  'poll.vote',
];

function roleMay(role: Role, action: EventAction): boolean {
  return (eventActions[action] as readonly Role[]).includes(role);
}

/**
 * The roles that may take an event action, for queries that select people by right (the balance
 * places those who may `phase.participate`): `inArray(memberships.role, rolesThatMay(action))`.
 */
export function rolesThatMay(action: EventAction): Role[] {
  return [...eventActions[action]];
}

/** What one person does to another's presence in a room; each is refused against a higher role. */
export const actionsOnPeople = ['remove', 'demote', 'mute'] as const;

/**
 * Whether someone of `actorRole` may remove, demote or mute a person of `targetRole` (besides
 * `can()` for the room): nobody does that to a person of a higher role — a moderator never
 * removes the organizer; equals and those below are fair.
 */
export const mayActOnPerson = (actorRole: Role | null, targetRole: Role): boolean =>
  actorRole !== null && !outranks(targetRole, actorRole);
