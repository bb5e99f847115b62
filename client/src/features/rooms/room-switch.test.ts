import { describe, expect, it } from 'vitest';
import type { RoomAssigned, RoomToken } from '@plenum/shared';
import {
  connectionKey,
  initialRoomSwitch,
  mediaTransition,
  pageFollows,
  roomChange,
  roomSwitchReducer,
  type RoomSwitchAction,
  type RoomSwitchState,
} from './room-switch.ts';

const plenaryId = '00000000-0000-4000-8000-000000000001';
const group2Id = '00000000-0000-4000-8000-000000000002';
const phaseId = '00000000-0000-4000-8000-0000000000aa';

function token(
  roomId: string,
  name: string,
  kind: 'plenary' | 'working_group',
  t = 'jwt',
): RoomToken {
  return {
    url: 'ws://127.0.0.1:7880',
    token: t,
    room: { id: roomId, name, kind },
    rights: { canPublish: kind === 'working_group', canSubscribe: true },
  };
}
const plenary = token(plenaryId, 'Plenum', 'plenary');
const group2 = token(group2Id, 'Arbeitsgruppe 2', 'working_group');

function assigned(media: RoomToken, reason: RoomAssigned['reason']): RoomSwitchAction {
  return {
    type: 'assigned',
    assigned: {
      media,
      reason,
      phaseId: reason === 'phase_closed' ? phaseId : phaseId,
      deadlineAt: reason === 'phase_closed' ? null : '2026-03-12T11:00:00Z',
    },
  };
}

const run = (...actions: RoomSwitchAction[]) =>
  actions.reduce<RoomSwitchState>(roomSwitchReducer, initialRoomSwitch);

describe('room switch', () => {
  it('connects to the room of the initial token', () => {
    const state = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
    expect(state.status).toBe('ready');
    expect(connectionKey(state)).toBe(`${plenaryId}#1`);
  });

  it('has nothing to connect to while loading or after a failed fetch', () => {
    expect(connectionKey(run({ type: 'fetchStarted' }))).toBeNull();
    const failed = run({ type: 'fetchStarted' }, { type: 'fetchFailed', error: new Error('x') });
    expect(failed.status).toBe('failed');
    expect(connectionKey(failed)).toBeNull();
  });

  it('switches to the working group the server assigned, with a new connection', () => {
    const before = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
    const after = roomSwitchReducer(before, assigned(group2, 'phase_opened'));
    expect(after.media?.room.id).toBe(group2Id);
    expect(connectionKey(after)).not.toBe(connectionKey(before));
    expect(after.deadlineAt).toBe('2026-03-12T11:00:00Z');
    expect(roomChange(before, after)).toEqual({
      kind: 'group',
      name: 'Arbeitsgruppe 2',
      reason: 'phase_opened',
    });
  });

  it('returns to the plenary when the phase closes', () => {
    const inGroup = run(
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: plenary },
      assigned(group2, 'phase_opened'),
    );
    const back = roomSwitchReducer(inGroup, assigned(plenary, 'phase_closed'));
    expect(back.media?.room.kind).toBe('plenary');
    expect(back.deadlineAt).toBeNull();
    expect(roomChange(inGroup, back)).toMatchObject({ kind: 'plenary', reason: 'phase_closed' });
  });

  it('keeps the connection when assigned to the room it is already in', () => {
    const before = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
    const after = roomSwitchReducer(before, assigned({ ...plenary, token: 'new' }, 'phase_closed'));
    expect(connectionKey(after)).toBe(connectionKey(before));
    expect(after.media?.token).toBe('new');
    expect(roomChange(before, after)).toBeNull();
  });

  it('ignores an initial token that arrives after the server already moved the person', () => {
    const state = run({ type: 'fetchStarted' }, assigned(group2, 'reconnected'), {
      type: 'tokenFetched',
      media: plenary,
    });
    expect(state.media?.room.id).toBe(group2Id);
    expect(state.status).toBe('ready');
  });

  it('reconnects the same room with a refreshed token', () => {
    const before = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
    const after = run(
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: plenary },
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: { ...plenary, token: 'fresh' } },
    );
    expect(after.reason).toBe('refreshed');
    expect(connectionKey(after)).not.toBe(connectionKey(before));
    expect(roomChange(before, after)).toBeNull();
  });

  it('stays in the room when a refresh fails', () => {
    const state = run(
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: plenary },
      { type: 'fetchStarted' },
      { type: 'fetchFailed', error: new Error('offline') },
    );
    expect(state.status).toBe('ready');
    expect(state.media?.room.id).toBe(plenaryId);
  });

  it('disconnects when a moderator removed the person, until the server assigns a room again', () => {
    const removed = run(
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: plenary },
      { type: 'removed' },
    );
    expect(connectionKey(removed)).toBeNull();
    const again = roomSwitchReducer(removed, assigned(group2, 'moved'));
    expect(connectionKey(again)).not.toBeNull();
  });

  it('announces nothing for the first room of the page', () => {
    const state = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
    expect(roomChange(initialRoomSwitch, state)).toBeNull();
  });

  it('names each new connection’s consent transition', () => {
    const joined = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
    expect(mediaTransition(joined, true)).toBe('join');
    const moved = roomSwitchReducer(joined, assigned(group2, 'phase_opened'));
    expect(mediaTransition(moved, false)).toBe('moved');
    const visiting = roomSwitchReducer(roomSwitchReducer(joined, { type: 'fetchStarted' }), {
      type: 'tokenFetched',
      media: group2,
      visit: true,
    });
    expect(visiting.reason).toBe('visit');
    expect(mediaTransition(visiting, false)).toBe('visit-start');
    const back = roomSwitchReducer(roomSwitchReducer(visiting, { type: 'fetchStarted' }), {
      type: 'tokenFetched',
      media: plenary,
      visit: true,
    });
    expect(mediaTransition(back, false)).toBe('visit-end');
    const fresh = roomSwitchReducer(roomSwitchReducer(back, { type: 'fetchStarted' }), {
      type: 'tokenFetched',
      media: plenary,
    });
    expect(mediaTransition(fresh, false)).toBe('reconnect');
    expect(mediaTransition(roomSwitchReducer(joined, assigned(group2, 'reconnected')), false)).toBe(
      'reconnect',
    );
  });
});

describe('the page beside the stage', () => {
  const inPlenary = run({ type: 'fetchStarted' }, { type: 'tokenFetched', media: plenary });
  const inGroup = roomSwitchReducer(inPlenary, assigned(group2, 'phase_opened'));

  it('keeps showing the plenary until the group’s stage shows its first picture', () => {
    expect(pageFollows(inGroup, inPlenary, null, plenaryId)).toBe(false);
    expect(pageFollows(inGroup, inPlenary, connectionKey(inPlenary), plenaryId)).toBe(false);
    expect(pageFollows(inGroup, inPlenary, connectionKey(inGroup), plenaryId)).toBe(true);
  });

  it('follows a fresh token for the same room, and a failure, at once', () => {
    const refreshed = run(
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: plenary },
      { type: 'fetchStarted' },
      { type: 'tokenFetched', media: plenary },
    );
    expect(pageFollows(refreshed, inPlenary, null, plenaryId)).toBe(true);
    const removed = roomSwitchReducer(inGroup, { type: 'removed' });
    expect(pageFollows(removed, inPlenary, null, plenaryId)).toBe(true);
  });
});
