import { useTranslation } from 'react-i18next';
import { NOTES_MAX_LENGTH } from '@plenum/shared/limits';
import { useLanguage } from '../../app/i18n/index.ts';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { formatTime } from '../../lib/time-format.ts';
import { MarkdownView } from './MarkdownView.tsx';
import { hasUnsavedChanges } from './notes.ts';
import { useNotes } from './useNotes.ts';

interface NotesEditorProps {
  phaseId: string;
  room: { id: string; name: string };
  timeZone: string;
}

/** The group's results notes: Markdown on the left, the preview beside it, saved with versions. */
export function NotesEditor({ phaseId, room, timeZone }: NotesEditorProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const announce = useAnnounce();
  const notes = useNotes(phaseId, room.id);
  const { state } = notes;
  const dirty = hasUnsavedChanges(state);
  const tooLong = state.draft.length > NOTES_MAX_LENGTH;

  const save = async () => {
    if (tooLong || state.status === 'saving') return;
    const saved = await notes.save();
    announce(t(saved ? 'notes.savedNow' : 'notes.notSaved'));
  };

  const keepMine = async () => {
    const saved = await notes.keepMineAndSave();
    announce(t(saved ? 'notes.savedNow' : 'notes.notSaved'));
  };

  const status = (() => {
    if (state.status === 'loading') return t('notes.loading');
    if (state.status === 'saving') return t('notes.saving');
    if (state.status === 'failed') return t('notes.failed');
    if (dirty) return t('notes.unsaved');
    if (state.base?.updatedAt) {
      return t('notes.savedAt', {
        time: formatTime(state.base.updatedAt, timeZone, locale),
        name: state.base.updatedBy ?? t('chat.unknownAuthor'),
      });
    }
    return t('notes.none');
  })();

  return (
    <section className="panel notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notes.heading', { room: room.name })}</h2>
      <p className="meta">{t('notes.intro')}</p>
      {state.theirs && (
        <div className="notes-conflict" role="alert">
          <p>
            <strong>{t('notes.conflictTitle')}</strong>{' '}
            {t('notes.conflictText', { name: state.theirs.updatedBy ?? t('chat.unknownAuthor') })}
          </p>
          <section className="notes-theirs" aria-labelledby="notes-theirs-heading">
            <h3 id="notes-theirs-heading">
              {t('notes.theirVersion', { name: state.theirs.updatedBy ?? t('chat.unknownAuthor') })}
            </h3>
            <pre className="notes-theirs-text" tabIndex={0}>
              {state.theirs.body}
            </pre>
          </section>
          <p className="notes-actions">
            <button type="button" className="button" onClick={() => void keepMine()}>
              {t('notes.keepMine')}
            </button>
            <button type="button" className="button" onClick={notes.mergeBoth}>
              {t('notes.mergeBoth')}
            </button>
            <button type="button" className="button" onClick={notes.takeTheirs}>
              {t('notes.takeTheirs')}
            </button>
          </p>
        </div>
      )}
      <div className="notes-grid">
        <div className="field">
          <label htmlFor="notes-input">{t('notes.label')}</label>
          <p id="notes-hint" className="field-hint">
            {t('notes.hint')}
          </p>
          <textarea
            id="notes-input"
            rows={12}
            value={state.draft}
            onChange={(e) => notes.edit(e.target.value)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 's') {
                e.preventDefault();
                void save();
              }
            }}
            aria-describedby={tooLong ? 'notes-hint notes-error' : 'notes-hint'}
            aria-invalid={tooLong || undefined}
          />
          {tooLong && (
            <p id="notes-error" className="field-error">
              {t('notes.tooLong', { max: NOTES_MAX_LENGTH })}
            </p>
          )}
        </div>
        <section className="notes-preview" aria-labelledby="notes-preview-heading">
          <h3 id="notes-preview-heading">{t('notes.preview')}</h3>
          <div className="markdown">
            {state.draft.trim() ? (
              <MarkdownView source={state.draft} baseLevel={4} />
            ) : (
              <p className="meta">{t('notes.previewEmpty')}</p>
            )}
          </div>
        </section>
      </div>
      <p className="notes-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={state.status === 'saving' || tooLong || undefined}
          onClick={() => void save()}
        >
          {t('notes.save')}
        </button>
        <span className="meta">{status}</span>
      </p>
      <p>
        <a href={api.resultsUrl(phaseId)} download>
          {t('notes.download')}
        </a>
      </p>
    </section>
  );
}
