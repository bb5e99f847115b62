import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@plenum/shared';
import { api } from '../../lib/api.ts';
import { MarkdownView } from '../../ui/MarkdownView.tsx';
import './results.css';

/** Staff's control of what the whole plenary sees beside the stage. */
export interface PlenaryControl {
  shown: boolean;
  show: () => Promise<void>;
  hide: () => Promise<void>;
}

const formats = ['md', 'docx', 'pdf'] as const;

/**
 * Back in the plenary: the groups' results of a closed phase, shown on request and exportable;
 * staff show them to everyone in the plenary ("Ergebnisse zeigen").
 */
export function ResultsPanel({ phase, plenary }: { phase: Phase; plenary?: PlenaryControl }) {
  const { t } = useTranslation();
  const [plenaryFailed, setPlenaryFailed] = useState(false);
  const toggle = async () => {
    setPlenaryFailed(false);
    try {
      await (plenary?.shown ? plenary.hide() : plenary?.show());
    } catch {
      setPlenaryFailed(true);
    }
  };
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const show = async () => {
    setFailed(false);
    try {
      const response = await fetch(api.resultsUrl(phase.id), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      setText(await response.text());
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className="panel results" aria-labelledby={`results-${phase.id}`}>
      <h2 id={`results-${phase.id}`}>{t('results.heading', { title: phase.title })}</h2>
      {text === null ? (
        <button type="button" className="button" onClick={() => void show()}>
          {t('results.show')}
        </button>
      ) : (
        <div className="markdown">
          <MarkdownView source={text} baseLevel={3} />
        </div>
      )}
      {failed && <p className="error-text">{t('results.failed')}</p>}
      {plenary && (
        <p>
          <button
            type="button"
            className="button"
            aria-pressed={plenary.shown}
            onClick={() => void toggle()}
          >
            {plenary.shown ? t('results.hide') : t('results.showInPlenary')}
          </button>
        </p>
      )}
      {plenaryFailed && (
        <p className="error-text" role="alert">
          {t('results.plenaryFailed')}
        </p>
      )}
      <p className="results-exports">
        <span>{t('results.download')}</span>
        {formats.map((format) => (
          <a
            key={format}
            href={api.resultsFileUrl(phase.id, format)}
            download
            aria-label={t(`results.downloadAs.${format}`)}
          >
            {t(`results.format.${format}`)}
          </a>
        ))}
      </p>
    </section>
  );
}
