import { describe, expect, it } from 'vitest';
import { moderationActions } from './moderation.ts';

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
