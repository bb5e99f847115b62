import type { Role } from './roles.ts';

/**
 * The role × action matrix. The server decides every right with `can()`; the client uses the same
 * function only to hide what the server would refuse.
 *
 * Event actions need a role in the event. Room actions (marked `room`) additionally need the
 * target room: a moderator may do them in the plenary and in the rooms they moderate.
 */
export const eventActions = {
  'event.view': ['organizer', 'moderator', 'speaker', 'attendee'],
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
  'room.visitAny': ['organizer', 'moderator'],
  /** The list of help requests (a moderator sees those of the groups they moderate). */
  'help.read': ['organizer', 'moderator'],
} as const satisfies Record<string, readonly Role[]>;

export const roomActions = {
  'chat.send': ['organizer', 'moderator', 'speaker', 'attendee'],
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
} as const satisfies Record<string, readonly Role[]>;

export type EventAction = keyof typeof eventActions;
export type RoomAction = keyof typeof roomActions;
export type Action = EventAction | RoomAction;

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

export function can(actor: Actor | null, action: EventAction, target: { eventId: string }): boolean;
export function can(actor: Actor | null, action: RoomAction, target: RoomTarget): boolean;
export function can(
  actor: Actor | null,
  action: Action,
  target: { eventId: string } | RoomTarget,
): boolean {
  if (!actor || actor.role === null || actor.eventId !== target.eventId) return false;
  const role = actor.role;
  if (action in eventActions) {
    return (eventActions[action as EventAction] as readonly Role[]).includes(role);
  }
  const allowed = (roomActions[action as RoomAction] as readonly Role[]).includes(role);
  if (!allowed) return false;
  if (role !== 'moderator' || !('roomId' in target)) return allowed;
  // Moderators are not all-powerful: beyond the plenary they steer only their own rooms.
  const isModerationAction = !['chat.send', 'hand.raise', 'question.ask'].includes(action);
  if (!isModerationAction) return true;
  return target.kind === 'plenary' || actor.moderatedRoomIds.has(target.roomId);
}
