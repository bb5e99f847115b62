import { describe, expect, it } from 'vitest';
import type { Assignment, PresencePerson } from '@plenum/shared';
import { presenceFromList } from '../presence/presence.ts';
import { assignmentRows, filterRows, unmatchedReason } from './assignments.ts';

const person = (personId: string, displayName: string, online = true): PresencePerson => ({
  personId,
  displayName,
  online,
  roomId: null,
  lastSeenAt: null,
  canPublish: false,
  promoted: false,
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
