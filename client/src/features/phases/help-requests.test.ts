import { describe, expect, it } from 'vitest';
import type { HelpRequest } from '@plenum/shared';
import { sortHelpRequests, splitHelpRequests, upsertHelpRequest } from './help-requests.ts';

const request = (id: number, done = false): HelpRequest => ({
  id,
  phaseId: 'p',
  roomId: 'r',
  roomName: 'AG 1',
  personId: null,
  displayName: null,
  message: '',
  createdAt: '2026-03-12T10:00:00Z',
  resolvedAt: done ? '2026-03-12T10:05:00Z' : null,
  resolvedBy: done ? 'Olga' : null,
});

describe('help worklist', () => {
  it('lists open calls first, newest first in each part', () => {
    const list = sortHelpRequests([request(1, true), request(2), request(3, true), request(4)]);
    expect(list.map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });

  it('a new call goes on top, a done one moves below the open ones', () => {
    let list = upsertHelpRequest([], request(1));
    list = upsertHelpRequest(list, request(2));
    expect(list.map((r) => r.id)).toEqual([2, 1]);
    list = upsertHelpRequest(list, request(2, true));
    expect(list.map((r) => [r.id, r.resolvedBy])).toEqual([
      [1, null],
      [2, 'Olga'],
    ]);
    expect(splitHelpRequests(list)).toEqual({ open: [request(1)], done: [request(2, true)] });
  });

  it('a late copy of an open call does not reopen one marked done', () => {
    const list = upsertHelpRequest([request(5, true)], request(5));
    expect(list).toEqual([request(5, true)]);
  });
});
