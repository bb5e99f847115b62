import { describe, expect, it } from 'vitest';
import type { Notes } from '@plenum/shared';
import {
  hasUnsavedChanges,
  initialNotesEditor,
  keepMineRequest,
  mergeTexts,
  notesReducer,
  saveRequest,
  type NotesAction,
} from './notes.ts';

function notes(version: number, body: string, updatedBy = 'Anna'): Notes {
  return {
    phaseId: '00000000-0000-4000-8000-0000000000aa',
    roomId: '00000000-0000-4000-8000-000000000002',
    body,
    version,
    updatedAt: '2026-03-12T10:00:00Z',
    updatedBy,
  };
}
const run = (...actions: NotesAction[]) => actions.reduce(notesReducer, initialNotesEditor);

describe('results notes editor', () => {
  it('saves against the version it started from', () => {
    const state = run({ type: 'loaded', notes: notes(3, 'alt') }, { type: 'edited', text: 'neu' });
    expect(hasUnsavedChanges(state)).toBe(true);
    expect(saveRequest(state)).toEqual({ body: 'neu', baseVersion: 3 });
  });

  it('starts new notes at version 0', () => {
    expect(saveRequest(run({ type: 'edited', text: 'x' }))).toEqual({ body: 'x', baseVersion: 0 });
  });

  it('keeps our text and shows theirs when someone else saved first', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine Fassung' },
      { type: 'saveStarted' },
      { type: 'conflict', theirs: notes(2, 'ihre Fassung', 'Ben') },
    );
    expect(state.status).toBe('conflict');
    expect(state.draft).toBe('meine Fassung');
    expect(state.theirs?.body).toBe('ihre Fassung');
  });

  it('saves our text over theirs only when the person chooses so', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'conflict', theirs: notes(2, 'ihre') },
      { type: 'keepMine' },
    );
    expect(saveRequest(state)).toEqual({ body: 'meine', baseVersion: 2 });
  });

  it('can take their text instead', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'conflict', theirs: notes(2, 'ihre') },
      { type: 'takeTheirs' },
    );
    expect(state.draft).toBe('ihre');
    expect(hasUnsavedChanges(state)).toBe(false);
  });

  it('follows someone else’s save while nothing of ours is unsaved', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'remoteUpdated', notes: notes(2, 'neu') },
    );
    expect(state.draft).toBe('neu');
    expect(state.status).toBe('idle');
  });

  it('warns about someone else’s save while we have unsaved changes', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'remoteUpdated', notes: notes(2, 'ihre') },
    );
    expect(state.status).toBe('conflict');
    expect(state.draft).toBe('meine');
  });

  it('recognises the announcement of its own save', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'saveStarted' },
      { type: 'remoteUpdated', notes: notes(2, 'meine', 'ich') },
      { type: 'saved', notes: notes(2, 'meine', 'ich') },
    );
    expect(state.status).toBe('saved');
    expect(state.theirs).toBeNull();
    expect(hasUnsavedChanges(state)).toBe(false);
  });

  it('keeps typing that happened while saving', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, '') },
      { type: 'edited', text: 'a' },
      { type: 'saveStarted' },
      { type: 'edited', text: 'ab' },
      { type: 'saved', notes: notes(2, 'a') },
    );
    expect(state.draft).toBe('ab');
    expect(hasUnsavedChanges(state)).toBe(true);
  });

  it('does not lose typed text when the notes are reloaded after a reconnect', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'loaded', notes: notes(1, 'alt') },
    );
    expect(state.draft).toBe('meine');
  });

  it('"keep mine and save" saves at once, against the version the person was shown', () => {
    const conflict = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'remoteUpdated', notes: notes(2, 'ihre', 'Ben') },
    );
    expect(conflict.status).toBe('conflict');
    expect(keepMineRequest(conflict)?.request).toEqual({ body: 'meine', baseVersion: 2 });
    expect(keepMineRequest(run({ type: 'loaded', notes: notes(1, 'alt') }))).toBeNull();
  });

  it('a plain save while their text is unseen goes against the old version (the server refuses it)', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'remoteUpdated', notes: notes(2, 'ihre', 'Ben') },
      { type: 'edited', text: 'meine, weiter' },
    );
    expect(saveRequest(state)).toEqual({ body: 'meine, weiter', baseVersion: 1 });
  });

  it('our save answered after a newer save of theirs keeps their text in front of us', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, 'alt') },
      { type: 'edited', text: 'meine' },
      { type: 'saveStarted' },
      { type: 'remoteUpdated', notes: notes(3, 'ihre danach', 'Ben') },
      { type: 'saved', notes: notes(2, 'meine') },
    );
    expect(state.status).toBe('conflict');
    expect(state.theirs?.body).toBe('ihre danach');
    expect(saveRequest(state).baseVersion).toBe(2);
  });

  it('merging puts both texts in the editor, theirs as the base, to be saved after a look', () => {
    const state = run(
      { type: 'loaded', notes: notes(1, '- Punkt A') },
      { type: 'edited', text: '- Punkt A\n- Punkt B' },
      { type: 'conflict', theirs: notes(2, '- Punkt A\n- Punkt C', 'Ben') },
      { type: 'mergeBoth' },
    );
    expect(state.draft).toBe('- Punkt A\n- Punkt B\n\n- Punkt C');
    expect(state.theirs).toBeNull();
    expect(saveRequest(state)).toEqual({ body: state.draft, baseVersion: 2 });
  });

  it('merging adds nothing when ours already has every line of theirs', () => {
    expect(mergeTexts('a\nb\n', 'b\n\na')).toBe('a\nb\n');
  });
});
