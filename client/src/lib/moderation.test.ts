import { describe, expect, it } from 'vitest';
import { moderationActions } from './moderation.ts';

describe('the moderation menu of the people list', () => {
  it('offers the word to an attendee in the plenary who may not speak, and no mute', () => {
    expect(moderationActions({ canPublish: false }, 'plenary')).toEqual(['promote', 'remove']);
  });

  it('offers to take the word from, and to mute, someone who speaks in the plenary', () => {
    expect(moderationActions({ canPublish: true }, 'plenary')).toEqual([
      'demote',
      'mute',
      'remove',
    ]);
  });

  it('in a working group: mute and remove, never promote or demote', () => {
    expect(moderationActions({ canPublish: true }, 'working_group')).toEqual(['mute', 'remove']);
    expect(moderationActions({ canPublish: false }, 'working_group')).toEqual(['remove']);
  });
});
