import { describe, expect, it } from 'vitest';
import type { Phase } from '@plenum/shared';
import { groupLoad, sortPhases, upsertPhase } from './phases.ts';

const phase = (id: string, status: Phase['status'], openedAt: string | null = null): Phase => ({
  id,
  title: id,
  agendaItemId: null,
  status,
  durationMinutes: 60,
  selfSelect: true,
  openedAt,
  deadlineAt: null,
  closedAt: null,
  groups: [],
});

describe('phases in the console', () => {
  it('lists the open phase first, then drafts, then closed ones', () => {
    const sorted = sortPhases([phase('c', 'closed'), phase('d', 'draft'), phase('o', 'open')]);
    expect(sorted.map((p) => p.id)).toEqual(['o', 'd', 'c']);
  });

  it('replaces a phase by id and adds a new one', () => {
    const before = [phase('a', 'draft'), phase('b', 'draft')];
    const after = upsertPhase(before, { ...phase('b', 'open'), title: 'B läuft' });
    expect(after.map((p) => [p.id, p.status])).toEqual([
      ['b', 'open'],
      ['a', 'draft'],
    ]);
    expect(upsertPhase(before, phase('c', 'draft'))).toHaveLength(3);
  });

  it('says whether a group is full', () => {
    const group = { roomId: 'r', name: 'AG', capacity: 2, assigned: 2, moderatorIds: [] };
    expect(groupLoad(group)).toEqual({ assigned: 2, capacity: 2, full: true });
    expect(groupLoad({ ...group, capacity: null }).full).toBe(false);
  });
});
