import { useCallback, useEffect, useReducer } from 'react';
import { api, ApiError } from '../../lib/api.ts';
import { useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import {
  initialNotesEditor,
  keepMineRequest,
  notesReducer,
  saveRequest,
  type NotesEditorState,
} from './notes.ts';

/** A group's results notes: load, follow others' saves, save with conflict detection. */
export function useNotes(phaseId: string, roomId: string) {
  const [state, dispatch] = useReducer(notesReducer, initialNotesEditor);

  const load = useCallback(async () => {
    try {
      dispatch({ type: 'loaded', notes: await api.notes(phaseId, roomId) });
    } catch {
      dispatch({ type: 'saveFailed' });
    }
  }, [phaseId, roomId]);

  useEffect(() => {
    void load();
  }, [load]);
  useResync(load);

  useServerEvent('notes:updated', (notes) => {
    if (notes.phaseId === phaseId && notes.roomId === roomId)
      dispatch({ type: 'remoteUpdated', notes });
  });

  const saveFrom = useCallback(
    async (from: NotesEditorState) => {
      dispatch({ type: 'saveStarted' });
      try {
        dispatch({ type: 'saved', notes: await api.saveNotes(phaseId, roomId, saveRequest(from)) });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'conflict') {
          try {
            dispatch({ type: 'conflict', theirs: await api.notes(phaseId, roomId) });
            return false;
          } catch {
            // fall through: shown as a failed save, the draft stays
          }
        }
        dispatch({ type: 'saveFailed' });
        return false;
      }
    },
    [phaseId, roomId],
  );
  const save = useCallback(() => saveFrom(state), [saveFrom, state]);

  /** "Meine Fassung behalten und danach speichern": theirs was shown, ours is saved over it now. */
  const keepMineAndSave = useCallback(async () => {
    const keep = keepMineRequest(state);
    if (!keep) return false;
    dispatch({ type: 'keepMine' });
    return saveFrom(keep.kept);
  }, [saveFrom, state]);

  return {
    state,
    edit: (text: string) => dispatch({ type: 'edited', text }),
    save,
    keepMineAndSave,
    mergeBoth: () => dispatch({ type: 'mergeBoth' }),
    takeTheirs: () => dispatch({ type: 'takeTheirs' }),
  };
}
