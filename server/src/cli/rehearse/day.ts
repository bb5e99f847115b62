import type { Phase, Room, RoomToken } from '@plenum/shared';
import type { RehearseOptions } from './args.ts';
import type { MediaLink } from './media.ts';
import type { Person } from './person.ts';
import type { StepRunner } from './steps.ts';

/** Names rehearse gives its people; pre-assignment finds attendees by them. */
export const names = {
  organizer: 'Probe-Organisation',
  moderator: (i: number) => `Probe-Moderation ${i + 1}`,
  speaker: 'Probe-Sprecherin',
  attendee: (k: number) => `Probe-Teilnehmende ${k + 1}`,
  group: (i: number) => `AG ${i + 1}: Probe`,
};

/** Invitations rehearse makes carry this label prefix: the real-people check relies on it. */
export const LABEL = 'rehearse';

/** How a simulated attendee takes part in the working groups (by global index). */
export function assignmentOf(k: number): 'self' | 'pre' | 'auto' {
  return k % 5 === 0 ? 'self' : k % 5 === 1 ? 'pre' : 'auto';
}
/** The group a self-selecting or pre-assigned attendee goes to. */
export const groupIndexOf = (k: number) => Math.floor(k / 5) % 3;

/** The attendees of one shard: global indexes k with k mod n = i - 1. */
export function attendeeIndexes(total: number, shard: { index: number; count: number }) {
  const out: number[] = [];
  for (let k = shard.index - 1; k < total; k += shard.count) out.push(k);
  return out;
}

/** A simulated person of this shard and what rehearse keeps about it. */
export interface Participant {
  person: Person;
  /** Global attendee index; null for moderators and the speaker. */
  k: number | null;
  /** The plenary token from joining (rights as the server granted them). */
  plenary: RoomToken | null;
  /** The real LiveKit connection, for the few with media. */
  media: MediaLink | null;
  withMedia: boolean;
}

/** Everything the steps share: what was created and who takes part from this shard. */
export interface Day {
  opts: RehearseOptions;
  runner: StepRunner;
  /** Prints a line for the operator (not part of --json's last line). */
  say: (line: string) => void;
  lead: boolean;
  organizer: Person;
  slug: string;
  plenary: Room | null;
  groups: Room[];
  agendaIds: string[];
  phase: Phase | null;
  /** Invitation tokens per role, made by this shard. */
  tokens: Partial<Record<'moderator' | 'speaker' | 'attendee', string>>;
  /** Invitation ids this shard made, revoked at cleanup. */
  invitationIds: string[];
  moderators: Participant[];
  speaker: Participant | null;
  attendees: Participant[];
  /** The speaker's person id (from presence on shards 2..n). */
  speakerId: string | null;
  /** Date.now() − performance.now(): turns server timestamps into local performance time. */
  epoch: number;
  /** Server clock − local clock: 0 unless the phase's openedAt proves otherwise. */
  serverOffsetMs: number;
  /** Loaded on demand: @livekit/rtc-node is needed only with --media > 0. */
  mediaLib: typeof import('./media.ts') | null;
}

export const everyone = (day: Day): Participant[] => [
  ...day.moderators,
  ...(day.speaker ? [day.speaker] : []),
  ...day.attendees,
];

/** Polls `condition` until it holds; fails with `message()` after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  message: () => string,
): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error(message());
    await new Promise((r) => setTimeout(r, 50));
  }
}
