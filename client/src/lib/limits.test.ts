import { describe, expect, it } from 'vitest';
import {
  CHAT_MAX_LENGTH as chat,
  NotesInput,
  QUESTION_MAX_LENGTH as question,
} from '@plenum/shared';
import { CHAT_MAX_LENGTH, NOTES_MAX_LENGTH, QUESTION_MAX_LENGTH } from './limits.ts';

describe('input limits', () => {
  it('agree with the shared schemas', () => {
    expect(CHAT_MAX_LENGTH).toBe(chat);
    expect(QUESTION_MAX_LENGTH).toBe(question);
    expect(
      NotesInput.safeParse({ body: 'x'.repeat(NOTES_MAX_LENGTH), baseVersion: 0 }).success,
    ).toBe(true);
    expect(
      NotesInput.safeParse({ body: 'x'.repeat(NOTES_MAX_LENGTH + 1), baseVersion: 0 }).success,
    ).toBe(false);
  });
});
