import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsShown } from '@plenum/shared';
import { MarkdownView } from '../../ui/MarkdownView.tsx';
import { nextTab } from './plenary-results.ts';
import './results.css';

/**
 * The groups' results beside the plenary's stage, group by group as tabs (arrow keys move between
 * them, as in any tab list). Staff may take them off again.
 */
export function ResultsInPlenary({
  results,
  onHide,
}: {
  results: ResultsShown;
  onHide?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  const [failed, setFailed] = useState(false);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const headingId = `plenary-results-${results.phaseId}`;
  const current = Math.min(selected, Math.max(0, results.groups.length - 1));
  const group = results.groups[current];

  const onKeyDown = (event: KeyboardEvent) => {
    const next = nextTab(event.key, current, results.groups.length);
    if (next === null) return;
    event.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  };
  const hide = async () => {
    setFailed(false);
    try {
      await onHide?.();
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className="panel plenary-results" role="region" aria-labelledby={headingId}>
      <div className="plenary-results-head">
        <h2 id={headingId}>{t('results.inPlenary', { title: results.title })}</h2>
        {onHide && (
          <button type="button" className="button secondary" onClick={() => void hide()}>
            {t('results.hide')}
          </button>
        )}
      </div>
      {failed && (
        <p className="error-text" role="alert">
          {t('results.hideFailed')}
        </p>
      )}
      <div role="tablist" aria-label={t('results.groups')} className="plenary-results-tabs">
        {results.groups.map((g, i) => (
          <button
            key={g.roomId}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${headingId}-tab-${i}`}
            aria-selected={i === current}
            aria-controls={`${headingId}-panel`}
            tabIndex={i === current ? 0 : -1}
            onClick={() => setSelected(i)}
            onKeyDown={onKeyDown}
          >
            {g.name}
          </button>
        ))}
      </div>
      {group && (
        <div
          role="tabpanel"
          id={`${headingId}-panel`}
          aria-labelledby={`${headingId}-tab-${current}`}
          tabIndex={0}
          className="markdown plenary-results-body"
        >
          {group.body ? (
            <MarkdownView source={group.body} baseLevel={3} />
          ) : (
            <p>{t('notes.none')}</p>
          )}
        </div>
      )}
    </section>
  );
}
