import { useCallback, useEffect, useReducer } from 'react';
import { api, ApiError } from '../../lib/api.ts';
import { useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { initialNotesEditor, notesReducer, saveRequest } from './notes.ts';

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

  const save = useCallback(async () => {
    dispatch({ type: 'saveStarted' });
    try {
      dispatch({ type: 'saved', notes: await api.saveNotes(phaseId, roomId, saveRequest(state)) });
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
  }, [phaseId, roomId, state]);

  return {
    state,
    edit: (text: string) => dispatch({ type: 'edited', text }),
    save,
    keepMine: () => dispatch({ type: 'keepMine' }),
    takeTheirs: () => dispatch({ type: 'takeTheirs' }),
  };
}
