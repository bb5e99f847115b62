import type { RoomAssigned, RoomToken } from '@plenum/shared';
import type { MediaTransition } from '../media/consent.ts';

/**
 * Which room this browser is in and with which LiveKit token: a pure state machine, driven by the
 * initial token fetch and by the server's `room:assigned`. The stage keys its LiveKit room by
 * `connectionKey()`, so a new key means "disconnect the old room, connect the new one".
 */

export type SwitchReason = RoomAssigned['reason'] | 'initial' | 'refreshed' | 'visit';

export interface RoomSwitchState {
  status: 'loading' | 'ready' | 'failed' | 'removed';
  media: RoomToken | null;
  /** Bumped whenever LiveKit must connect afresh: another room, or a new token for this one. */
  generation: number;
  reason: SwitchReason | null;
  phaseId: string | null;
  deadlineAt: string | null;
  /** How many `room:assigned` arrived so far; a fetch started before the last one is stale. */
  assignments: number;
  /** `assignments` when the pending fetch started, or null when none is pending. */
  fetchStartedAt: number | null;
  error: unknown;
}

export type RoomSwitchAction =
  | { type: 'fetchStarted' }
  /** `visit`: a moderator's or organizer's own look into a group, or the way back. */
  | { type: 'tokenFetched'; media: RoomToken; visit?: boolean }
  | { type: 'fetchFailed'; error: unknown }
  | { type: 'assigned'; assigned: RoomAssigned }
  /** LiveKit said a moderator removed this person from the room. */
  | { type: 'removed' };

export const initialRoomSwitch: RoomSwitchState = {
  status: 'loading',
  media: null,
  generation: 0,
  reason: null,
  phaseId: null,
  deadlineAt: null,
  assignments: 0,
  fetchStartedAt: null,
  error: null,
};

export function roomSwitchReducer(
  state: RoomSwitchState,
  action: RoomSwitchAction,
): RoomSwitchState {
  switch (action.type) {
    case 'fetchStarted':
      return {
        ...state,
        status: state.media ? state.status : 'loading',
        fetchStartedAt: state.assignments,
      };

    case 'tokenFetched': {
      // The server moved us while the answer was on its way: its word is newer than ours.
      if (state.fetchStartedAt === null || state.fetchStartedAt !== state.assignments) {
        return { ...state, fetchStartedAt: null };
      }
      const sameRoom = state.media?.room.id === action.media.room.id;
      return {
        ...state,
        status: 'ready',
        media: action.media,
        generation: state.generation + 1,
        reason: sameRoom ? 'refreshed' : action.visit ? 'visit' : 'initial',
        fetchStartedAt: null,
        error: null,
      };
    }

    case 'fetchFailed':
      if (state.fetchStartedAt !== state.assignments) return { ...state, fetchStartedAt: null };
      return {
        ...state,
        status: state.media && state.status === 'ready' ? 'ready' : 'failed',
        fetchStartedAt: null,
        error: action.error,
      };

    case 'assigned': {
      const { media, reason, phaseId, deadlineAt } = action.assigned;
      const sameRoom = state.media?.room.id === media.room.id && state.status === 'ready';
      return {
        ...state,
        status: 'ready',
        media,
        // Already there (an organizer in the plenary when a phase closes): keep the connection,
        // rights change live through LiveKit. Anywhere else: connect afresh.
        generation: sameRoom ? state.generation : state.generation + 1,
        reason,
        phaseId,
        deadlineAt,
        assignments: state.assignments + 1,
        error: null,
      };
    }

    case 'removed':
      return { ...state, status: 'removed' };
  }
}

/** The key of the LiveKit connection; `null` while there is nothing to connect to. */
export function connectionKey(state: RoomSwitchState): string | null {
  if (state.status !== 'ready' || !state.media) return null;
  return `${state.media.room.id}#${state.generation}`;
}

export type RoomChange =
  | { kind: 'group'; name: string; reason: SwitchReason }
  | { kind: 'plenary'; name: string; reason: SwitchReason };

/**
 * What to tell the person after a transition, visibly and to screen readers: "Sie sind jetzt in
 * Arbeitsgruppe 2". Nothing on the first room of the page, or when the room stayed the same.
 */
export function roomChange(before: RoomSwitchState, after: RoomSwitchState): RoomChange | null {
  const from = before.media?.room;
  const to = after.media?.room;
  if (!to || after.status !== 'ready' || !from || from.id === to.id) return null;
  const reason = after.reason ?? 'moved';
  return to.kind === 'working_group'
    ? { kind: 'group', name: to.name, reason }
    : { kind: 'plenary', name: to.name, reason };
}

/**
 * Which consent transition a new connection is (see `devices/consent.ts`): the page's first room
 * is the join, a visit into a group starts one and a visit to the plenary ends it, a server's move
 * is a move, and a new token for the same room is a reconnect.
 */
export function mediaTransition(state: RoomSwitchState, firstConnection: boolean): MediaTransition {
  switch (state.reason) {
    case 'visit':
      return state.media?.room.kind === 'plenary' ? 'visit-end' : 'visit-start';
    case 'phase_opened':
    case 'phase_closed':
    case 'moved':
      return 'moved';
    case 'refreshed':
    case 'reconnected':
      return 'reconnect';
    default:
      return firstConnection ? 'join' : 'reconnect';
  }
}

/**
 * Whether the rest of the page (banner, chat, people, notes, polls), showing `shown`, shows
 * `state` yet (useFollowStage): at once, unless `state` moved into another room; then once the
 * stage of that very connection said it shows its first picture (`settledKey`).
 */
export function pageFollows(
  state: RoomSwitchState,
  shown: RoomSwitchState,
  settledKey: string | null,
  plenaryId: string,
): boolean {
  const roomOf = (s: RoomSwitchState) => s.media?.room.id ?? plenaryId;
  const key = connectionKey(state);
  return roomOf(state) === roomOf(shown) || key === null || settledKey === key;
}
