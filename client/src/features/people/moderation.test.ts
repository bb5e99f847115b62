import { describe, expect, it } from 'vitest';
import type { PresencePerson } from '@plenum/shared';
import type { Actor } from '@plenum/shared/access';
import { matchesSearch, moderationActions, speakingNow } from './moderation.ts';

const attendee = { canPublish: false, promoted: false, role: 'attendee' as const };
const promoted = { canPublish: true, promoted: true, role: 'attendee' as const };
const speaksByRole = { canPublish: true, promoted: false, role: 'speaker' as const };
const eventId = 'event';
const plenary = { eventId, roomId: 'plenary', kind: 'plenary' as const };
const group = { eventId, roomId: 'group-1', kind: 'working_group' as const };
const otherGroup = { eventId, roomId: 'group-2', kind: 'working_group' as const };
const olga: Actor = { personId: 'olga', eventId, role: 'organizer', moderatedRoomIds: new Set() };
const moritz: Actor = {
  personId: 'moritz',
  eventId,
  role: 'moderator',
  moderatedRoomIds: new Set(['group-1']),
};
const anna: Actor = { personId: 'anna', eventId, role: 'attendee', moderatedRoomIds: new Set() };

describe('the moderation menu of the people list', () => {
  it('offers the word to an attendee in the plenary who may not speak, and no mute', () => {
    expect(moderationActions(attendee, plenary, olga)).toEqual(['promote', 'remove']);
  });

  it('offers to take the word from, and to mute, someone a moderator promoted', () => {
    expect(moderationActions(promoted, plenary, olga)).toEqual(['demote', 'mute', 'remove']);
  });

  it('leaves the word to someone who speaks by their role, but may mute them', () => {
    expect(moderationActions(speaksByRole, plenary, olga)).toEqual(['mute', 'remove']);
  });

  it('in a working group: mute and remove, never promote or demote', () => {
    expect(moderationActions(speaksByRole, group, olga)).toEqual(['mute', 'remove']);
    expect(moderationActions(promoted, group, olga)).toEqual(['mute', 'remove']);
    expect(moderationActions(attendee, group, olga)).toEqual(['remove']);
  });

  it('offers a moderator nothing against the organizer, whom the server protects (403)', () => {
    const organizer = { canPublish: true, promoted: false, role: 'organizer' as const };
    expect(moderationActions(organizer, plenary, moritz)).toEqual([]);
    expect(moderationActions(organizer, group, moritz)).toEqual([]);
    // An equal is fair game; so is everyone below.
    const colleague = { canPublish: true, promoted: false, role: 'moderator' as const };
    expect(moderationActions(colleague, plenary, moritz)).toEqual(['mute', 'remove']);
    expect(moderationActions(promoted, plenary, moritz)).toEqual(['demote', 'mute', 'remove']);
  });

  it('offers a moderator nothing in a group they do not moderate, and an attendee nothing', () => {
    expect(moderationActions(attendee, otherGroup, moritz)).toEqual([]);
    expect(moderationActions(attendee, group, moritz)).toEqual(['remove']);
    expect(moderationActions(attendee, plenary, anna)).toEqual([]);
  });

  it('keeps removing and muting back while the person’s role is not known yet', () => {
    const unknown = { canPublish: true, promoted: false };
    expect(moderationActions(unknown, plenary, olga)).toEqual([]);
    expect(moderationActions({ canPublish: false, promoted: false }, plenary, olga)).toEqual([
      'promote',
    ]);
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
