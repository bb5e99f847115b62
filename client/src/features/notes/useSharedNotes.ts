import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { NotesDoc } from '@plenum/shared';
import { useRealtime } from '../realtime/RealtimeContext.tsx';
import { docKey, NotesSession, notesText, type SyncSnapshot } from './notes-sync.ts';
import { TextBinding } from './text-binding.ts';

const noStore = {
  subscribe: () => () => {},
  getSnapshot: () => null,
};

/**
 * One live notes document for as long as the component is shown: its sync state, its current
 * text (for the preview), and `bind(textarea)` to write into it.
 */
export function useSharedNotes(doc: NotesDoc) {
  const realtime = useRealtime();
  const key = docKey(doc);
  const [session, setSession] = useState<NotesSession | null>(null);
  useEffect(() => {
    const opened = new NotesSession(realtime, doc);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the session subscribes to the socket, so it is made here and closed by the cleanup
    setSession(opened);
    return () => opened.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the document is named by its key
  }, [realtime, key]);

  const store = session ?? noStore;
  const snapshot: SyncSnapshot | null = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const ydoc = snapshot?.doc;
  const onText = useCallback(
    (changed: () => void) => {
      ydoc?.on('update', changed);
      return () => ydoc?.off('update', changed);
    },
    [ydoc],
  );
  const text = useSyncExternalStore(onText, () => (ydoc ? notesText(ydoc).toString() : ''));
  return { session, snapshot, text };
}

/**
 * Binds a textarea to the session's document: typing, IME compositions, undo and redo of one's
 * own edits, one's cursor sent to the others (null when the field is left).
 */
export function bindTextarea(session: NotesSession, field: HTMLTextAreaElement) {
  const binding = new TextBinding(notesText(session.getSnapshot().doc), field);
  session.gate = (apply) => binding.receive(apply);
  const sendCursor = () => {
    if (document.activeElement === field) session.cursor(binding.selection());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || field.readOnly) return;
    const key = event.key.toLowerCase();
    const redo = key === 'y' || (key === 'z' && event.shiftKey);
    if (key !== 'z' && !redo) return;
    event.preventDefault();
    if (redo) binding.redo();
    else binding.undo();
  };
  const listeners: [EventTarget, string, EventListener][] = [
    [field, 'input', () => (binding.input(), sendCursor())],
    [field, 'compositionstart', () => binding.compositionStart()],
    [field, 'compositionend', () => binding.compositionEnd()],
    [field, 'keydown', onKeyDown as EventListener],
    [field, 'focus', sendCursor],
    [field, 'blur', () => session.cursor(null)],
    [document, 'selectionchange', sendCursor],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    session.gate = (apply) => apply();
    binding.destroy();
  };
}
