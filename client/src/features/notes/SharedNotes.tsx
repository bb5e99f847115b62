import { useDeferredValue, useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotesDoc } from '@plenum/shared';
import { NOTES_MAX_LENGTH } from '@plenum/shared/limits';
import { useAnnounce } from '../../app/status.tsx';
import { MarkdownView } from '../../ui/MarkdownView.tsx';
import { NotesCarets } from './NotesCarets.tsx';
import { writerLines, type SyncStatus } from './notes-sync.ts';
import { bindTextarea, useSharedNotes } from './useSharedNotes.ts';
import './notes.css';

interface SharedNotesProps {
  doc: NotesDoc;
  heading: string;
  intro: string;
  label: string;
  /** Why the field is read-only, when it is. */
  readOnlyText: string;
  /** Hidden from those who may only read while there is nothing to read. */
  hideEmptyForReaders?: boolean;
  children?: ReactNode;
}

/**
 * A notes document written together, live: Markdown in a plain textarea (every screen reader
 * reads it), the preview beside it, who else is writing and where, and whether what one typed is
 * stored. Read-only for those who may not write, with the reason.
 */
export function SharedNotes(props: SharedNotesProps) {
  const { doc, heading, intro, label, readOnlyText, hideEmptyForReaders, children } = props;
  const { t } = useTranslation();
  const id = useId();
  const { session, snapshot, text } = useSharedNotes(doc);
  const field = useRef<HTMLTextAreaElement>(null);
  const preview = useDeferredValue(text);
  const ydoc = snapshot?.doc;
  const loading = !snapshot || snapshot.status === 'loading';
  const canWrite = snapshot?.canWrite ?? false;

  const hidden = Boolean(hideEmptyForReaders && !canWrite && !text.trim());
  useEffect(() => {
    if (!session || !ydoc || !field.current) return;
    return bindTextarea(session, field.current);
  }, [session, ydoc, hidden]);
  useSyncAnnouncements(snapshot?.status);

  if (hidden) return null;
  const writers = snapshot && ydoc ? writerLines(ydoc, snapshot.writers) : [];
  const readOnly = !loading && !canWrite;
  // Readers are told nothing about saving: only that the text cannot be reached, if so.
  const status = snapshot?.status ?? 'loading';
  const shownStatus = readOnly && (status === 'saved' || status === 'sending') ? null : status;
  const describedBy = [readOnly ? `${id}-readonly` : `${id}-hint`, shownStatus && `${id}-status`]
    .filter(Boolean)
    .join(' ');

  return (
    <section className="panel notes" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="meta">{intro}</p>
      <p className="notes-writers">
        {writers.length === 0
          ? t('notes.nobodyElse')
          : t('notes.writing', {
              count: writers.length,
              list: writers.map((w) => t('notes.writerAt', w)).join(', '),
            })}
      </p>
      {snapshot?.full && (
        <p className="field-error" role="alert">
          {t('notes.full', { max: NOTES_MAX_LENGTH })}
        </p>
      )}
      <div className="notes-grid">
        <div className="field">
          <label htmlFor={`${id}-input`}>{label}</label>
          {readOnly ? (
            <p id={`${id}-readonly`} className="notes-readonly">
              {readOnlyText}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field-hint">
              {t('notes.hint')}
            </p>
          )}
          <div className="notes-field">
            {ydoc && <NotesCarets text={text} carets={writers} field={field} />}
            <textarea
              ref={field}
              id={`${id}-input`}
              rows={12}
              readOnly={!canWrite}
              maxLength={NOTES_MAX_LENGTH}
              aria-describedby={describedBy}
              spellCheck
            />
          </div>
          {shownStatus && (
            <p id={`${id}-status`} className="meta notes-status">
              {t(`notes.status.${shownStatus}`)}
            </p>
          )}
        </div>
        <section className="notes-preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{t('notes.preview')}</h3>
          <div className="markdown">
            {preview.trim() ? (
              <MarkdownView source={preview} baseLevel={4} />
            ) : (
              <p className="meta">{t('notes.previewEmpty')}</p>
            )}
          </div>
        </section>
      </div>
      {children}
    </section>
  );
}

/**
 * The status line is not a live region (it changes with every key). Said aloud once: edits made
 * offline that reached the server after the reconnect. The connection itself is announced by
 * the page's connection status.
 */
function useSyncAnnouncements(status: SyncStatus | undefined) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const after = useRef<'online' | 'offline' | 'catchingUp'>('online');
  useEffect(() => {
    if (status === 'offline') after.current = 'offline';
    else if (status === 'sending' && after.current === 'offline') after.current = 'catchingUp';
    else if (status === 'saved') {
      if (after.current === 'catchingUp') announce(t('notes.sentAfterOffline'));
      after.current = 'online';
    }
  }, [status, announce, t]);
}
