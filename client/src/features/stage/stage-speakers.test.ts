import { describe, expect, it } from 'vitest';
import { stageSpeakerIds } from './stage-speakers.ts';

const people = [
  { personId: 'sami', role: 'speaker' as const },
  { personId: 'olga', role: 'organizer' as const },
];

describe('stage speakers', () => {
  it('are the live agenda item’s speakers who are members', () => {
    const live = [{ speakers: [{ name: 'Petra', personId: 'petra' }, { name: 'Gast' }] }];
    expect([...stageSpeakerIds(live, people)]).toEqual(['petra']);
  });

  it('are the people with the speaker role when the item names no member', () => {
    expect([...stageSpeakerIds([{ speakers: [{ name: 'Gast' }] }], people)]).toEqual(['sami']);
    expect([...stageSpeakerIds([], people)]).toEqual(['sami']);
  });
});
