import { describe, expect, it } from 'vitest';
import type { PresencePerson } from '@plenum/shared';
import { matchesSearch, moderationActions, speakingNow } from './moderation.ts';

const attendee = { canPublish: false, promoted: false };
const promoted = { canPublish: true, promoted: true };
const speaksByRole = { canPublish: true, promoted: false };

describe('the moderation menu of the people list', () => {
  it('offers the word to an attendee in the plenary who may not speak, and no mute', () => {
    expect(moderationActions(attendee, 'plenary')).toEqual(['promote', 'remove']);
  });

  it('offers to take the word from, and to mute, someone a moderator promoted', () => {
    expect(moderationActions(promoted, 'plenary')).toEqual(['demote', 'mute', 'remove']);
  });

  it('leaves the word to someone who speaks by their role, but may mute them', () => {
    expect(moderationActions(speaksByRole, 'plenary')).toEqual(['mute', 'remove']);
  });

  it('in a working group: mute and remove, never promote or demote', () => {
    expect(moderationActions(speaksByRole, 'working_group')).toEqual(['mute', 'remove']);
    expect(moderationActions(promoted, 'working_group')).toEqual(['mute', 'remove']);
    expect(moderationActions(attendee, 'working_group')).toEqual(['remove']);
  });
});

describe('speaking now and the people search', () => {
  const person = (displayName: string, extra: Partial<PresencePerson> = {}): PresencePerson => ({
    personId: displayName,
    displayName,
    online: true,
    roomId: 'plenary',
    lastSeenAt: null,
    canPublish: false,
    promoted: false,
    ...extra,
  });

  it('lists those given the word in this room, by name, not those who speak by role or left', () => {
    const people = [
      person('Zoe', { canPublish: true, promoted: true }),
      person('Anna', { canPublish: true, promoted: true }),
      person('Sven Speaker', { canPublish: true }),
      person('Gone', { online: false, promoted: true }),
      person('Elsewhere', { roomId: 'group', canPublish: true, promoted: true }),
    ];
    expect(speakingNow(people, 'plenary').map((p) => p.displayName)).toEqual(['Anna', 'Zoe']);
  });

  it('finds people by any part of the name, ignoring case and accents', () => {
    expect(matchesSearch('Miriam Özdemir', 'ozd')).toBe(true);
    expect(matchesSearch('Miriam Özdemir', 'MIR özd')).toBe(true);
    expect(matchesSearch('Miriam Özdemir', 'anna')).toBe(false);
    expect(matchesSearch('Anna', '  ')).toBe(true);
  });
});
