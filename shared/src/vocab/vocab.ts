/**
 * `@plenum/shared/vocab`: the closed word lists of the contract, without zod. The schemas build
 * their enums from these lists and the client offers them in forms and filters; the order here is
 * the order a page shows them in.
 */

export const agendaKinds = [
  'opening',
  'talk',
  'break',
  'working_group_phase',
  'results',
  'closing',
  'other',
] as const;

/** The parts of an event an audit entry can be about, in the order an organizer thinks of the day. */
export const auditAreas = [
  'agenda',
  'room',
  'phase',
  'assignment',
  'invitation',
  'participant',
  'hand',
  'question',
  'chat',
  'event',
  'privacy',
  'poll',
  'results',
  'stage',
  'help',
] as const;

export const roomKinds = ['plenary', 'working_group'] as const;
export const phaseStatuses = ['draft', 'open', 'closed'] as const;
export const moderatorActions = ['promote', 'demote', 'mute', 'remove', 'readmit'] as const;
export const chatScopes = ['room', 'event', 'working_groups'] as const;
export const announcementScopes = ['event', 'working_groups'] as const;
export const questionStatuses = ['open', 'answered', 'hidden'] as const;
export const handStatuses = ['raised', 'lowered', 'taken', 'dismissed'] as const;
export const pollKinds = ['single', 'multiple', 'rating'] as const;
export const pollStatuses = ['draft', 'open', 'closed'] as const;
/** The reactions a person can send, in the order the menu shows them. */
export const reactionKinds = ['applause', 'thumbsUp', 'laugh', 'plusOne', 'question'] as const;
