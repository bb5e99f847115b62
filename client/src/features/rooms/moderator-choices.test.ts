import { describe, expect, it } from 'vitest';
import type { PresencePerson, Role } from '@plenum/shared';
import { moderatorChoices, type ChoiceWords } from './moderator-choices.ts';

const person = (
  personId: string,
  displayName: string,
  role: Role | undefined,
  seen: { online?: boolean; lastSeenAt?: string | null } = {},
): PresencePerson => ({
  personId,
  displayName,
  role,
  online: seen.online ?? true,
  lastSeenAt: seen.lastSeenAt ?? null,
  roomId: null,
  canPublish: false,
  promoted: false,
});

const words: ChoiceWords = {
  role: (role) => `Rolle ${role}`,
  online: 'online',
  lastSeen: (iso) => `zuletzt ${iso.slice(11, 16)}`,
  id: (short) => `ID ${short}`,
};
const id = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-000000000000`;

describe('the moderator picker', () => {
  it('offers only those who may moderate, and keeps anyone already chosen', () => {
    const people = [
      person(id(1), 'Olga', 'organizer'),
      person(id(2), 'Mo', 'moderator'),
      person(id(3), 'Anna', 'attendee'),
      person(id(4), 'Sven', 'speaker'),
      person(id(5), 'Unbekannt', undefined),
      person(id(6), 'Alt', 'attendee'),
    ];
    expect(moderatorChoices(people, [id(6)], words).map((c) => c.label)).toEqual([
      'Alt',
      'Mo',
      'Olga',
    ]);
  });

  it('tells namesakes apart by role when their roles differ', () => {
    const choices = moderatorChoices(
      [person(id(1), 'Kim Meyer', 'organizer'), person(id(2), 'Kim Meyer', 'moderator')],
      [],
      words,
    );
    expect(choices.map((c) => c.note)).toEqual(['Rolle organizer', 'Rolle moderator']);
  });

  it('tells namesakes of one role apart by presence, else by the start of their id', () => {
    const bySeen = moderatorChoices(
      [
        person(id(1), 'Kim Meyer', 'moderator', { online: true }),
        person(id(2), 'kim meyer', 'moderator', {
          online: false,
          lastSeenAt: '2026-03-12T09:15:00.000Z',
        }),
      ],
      [],
      words,
    );
    expect(bySeen.map((c) => c.note)).toEqual(['online', 'zuletzt 09:15']);
    const byId = moderatorChoices(
      [person(id(1), 'Kim Meyer', 'moderator'), person(id(2), 'Kim Meyer', 'moderator')],
      [],
      words,
    );
    expect(byId.map((c) => c.note)).toEqual(['ID 1111', 'ID 2222']);
  });

  it('adds no note where a name is unique', () => {
    const choices = moderatorChoices([person(id(1), 'Olga', 'organizer')], [], words);
    expect(choices).toEqual([{ value: id(1), label: 'Olga' }]);
  });
});
