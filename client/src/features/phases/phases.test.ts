import { describe, expect, it } from 'vitest';
import type { Assignment, Phase, PresencePerson } from '@plenum/shared';
import {
  assignmentRows,
  filterRows,
  groupLoad,
  sortPhases,
  unmatchedReason,
  upsertPhase,
} from './phases.ts';
import { presenceFromList } from '../presence/presence.ts';

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

const person = (personId: string, displayName: string, online = true): PresencePerson => ({
  personId,
  displayName,
  online,
  roomId: null,
  lastSeenAt: null,
  canPublish: false,
  promoted: false,
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

describe('assignment rows', () => {
  const assignments: Assignment[] = [
    { personId: 'p2', displayName: 'Ben Bochum', roomId: 'r1', source: 'self' },
  ];
  const presence = presenceFromList({
    people: [
      person('p1', 'Anna Arnsberg'),
      person('p2', 'Ben Bochum'),
      person('p3', 'Zoë Zülpich', false),
      person('me', 'Olga Organisatorin'),
    ],
    counts: {},
  });

  it('lists the assigned and everyone not yet in a group, by name, without those left out', () => {
    const rows = assignmentRows(assignments, presence, new Set(['me']));
    expect(rows.map((r) => [r.displayName, r.roomId, r.source, r.online])).toEqual([
      ['Anna Arnsberg', null, null, true],
      ['Ben Bochum', 'r1', 'self', true],
      ['Zoë Zülpich', null, null, false],
    ]);
  });

  it('finds people by name ignoring case and accents', () => {
    const rows = assignmentRows(assignments, presence, new Set());
    expect(filterRows(rows, 'zoe').map((r) => r.personId)).toEqual(['p3']);
    expect(filterRows(rows, ' ZÜL').map((r) => r.personId)).toEqual(['p3']);
    expect(filterRows(rows, '')).toHaveLength(4);
  });
});

describe('unmatched pre-assignment rows', () => {
  it.each([
    ['no working group named "AG 9"', { key: 'noGroup', group: 'AG 9' }],
    ['several people have this name; add the e-mail', { key: 'ambiguousName' }],
    ['no participant with this e-mail or name', { key: 'unknownPerson' }],
    ['AG 1: Daten is full', { key: 'groupFull', group: 'AG 1: Daten' }],
    ['something new', { key: 'other', text: 'something new' }],
  ])('reads “%s”', (reason, expected) => {
    expect(unmatchedReason(reason)).toEqual(expected);
  });
});
