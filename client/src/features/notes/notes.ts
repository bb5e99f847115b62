import type { Notes } from '@plenum/shared';

/**
 * The results-notes editor of one group: the server version the text started from, what is typed,
 * and what happens when someone else saved first. Nothing typed is ever thrown away by the
 * editor: a conflict shows their text beside ours and the person decides.
 */

export interface NotesEditorState {
  /** The server version the draft is based on; null until loaded. */
  base: Notes | null;
  draft: string;
  status: 'loading' | 'idle' | 'saving' | 'saved' | 'conflict' | 'failed';
  /** A newer version someone else saved while we had changes of our own. */
  theirs: Notes | null;
}

export type NotesAction =
  | { type: 'loaded'; notes: Notes }
  | { type: 'edited'; text: string }
  | { type: 'saveStarted' }
  | { type: 'saved'; notes: Notes }
  | { type: 'conflict'; theirs: Notes }
  | { type: 'saveFailed' }
  | { type: 'remoteUpdated'; notes: Notes }
  | { type: 'takeTheirs' }
  | { type: 'keepMine' }
  | { type: 'mergeBoth' };

export const initialNotesEditor: NotesEditorState = {
  base: null,
  draft: '',
  status: 'loading',
  theirs: null,
};

export function hasUnsavedChanges(state: NotesEditorState): boolean {
  return state.draft !== (state.base?.body ?? '');
}

/** The body of `PUT .../notes`. */
export function saveRequest(state: NotesEditorState): { body: string; baseVersion: number } {
  return { body: state.draft, baseVersion: state.base?.version ?? 0 };
}

export function notesReducer(state: NotesEditorState, action: NotesAction): NotesEditorState {
  switch (action.type) {
    case 'loaded':
      // A reload (after reconnecting) must not overwrite what was typed meanwhile.
      if (state.base && hasUnsavedChanges(state)) {
        return notesReducer(state, { type: 'remoteUpdated', notes: action.notes });
      }
      return { base: action.notes, draft: action.notes.body, status: 'idle', theirs: null };
    case 'edited':
      return {
        ...state,
        draft: action.text,
        status: state.status === 'saved' || state.status === 'failed' ? 'idle' : state.status,
      };
    case 'saveStarted':
      return { ...state, status: 'saving' };
    case 'saved': {
      // Typing may have gone on while saving: the draft stays, the base moves on. A newer text
      // of someone else's that came in meanwhile stays in front of the person.
      const newer = state.theirs && state.theirs.version > action.notes.version;
      return newer
        ? { ...state, base: action.notes, status: 'conflict' }
        : { ...state, base: action.notes, status: 'saved', theirs: null };
    }
    case 'conflict':
      return { ...state, status: 'conflict', theirs: action.theirs };
    case 'saveFailed':
      return { ...state, status: 'failed' };
    case 'remoteUpdated': {
      const { notes } = action;
      if (state.base && notes.version <= state.base.version) return state;
      if (notes.body === state.draft) {
        // Our own save, announced before its answer arrived; or the same text.
        return { ...state, base: notes, theirs: null };
      }
      if (!hasUnsavedChanges(state)) {
        return { ...state, base: notes, draft: notes.body, theirs: null };
      }
      return { ...state, theirs: notes, status: state.status === 'saving' ? 'saving' : 'conflict' };
    }
    case 'takeTheirs':
      if (!state.theirs) return state;
      return { base: state.theirs, draft: state.theirs.body, status: 'idle', theirs: null };
    case 'keepMine':
      // Their text was on screen beside ours: ours replaces it, knowingly, with the next save
      // (the editor saves at once). The base is their version, so a third save refuses it again.
      if (!state.theirs) return state;
      return { ...state, base: state.theirs, status: 'idle', theirs: null };
    case 'mergeBoth':
      // Both texts in the editor, theirs' lines that ours lacks below; the person tidies and saves.
      if (!state.theirs) return state;
      return {
        base: state.theirs,
        draft: mergeTexts(state.draft, state.theirs.body),
        status: 'idle',
        theirs: null,
      };
  }
}

/**
 * "Meine Fassung behalten und danach speichern": the save that follows at once, against the
 * version the person was just shown; null when there is nothing of theirs to keep ours over.
 */
export function keepMineRequest(
  state: NotesEditorState,
): { kept: NotesEditorState; request: { body: string; baseVersion: number } } | null {
  if (!state.theirs) return null;
  const kept = notesReducer(state, { type: 'keepMine' });
  return { kept, request: saveRequest(kept) };
}

/** Our text, then the lines of theirs that ours does not have (in their order). */
export function mergeTexts(mine: string, theirs: string): string {
  const have = new Set(mine.split('\n').map((l) => l.trim()));
  const missing = theirs.split('\n').filter((l) => l.trim() !== '' && !have.has(l.trim()));
  if (missing.length === 0) return mine;
  return `${mine.replace(/\n+$/, '')}\n\n${missing.join('\n')}`;
}
