import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@plenum/shared';
import { api } from '../../lib/api.ts';
import { MarkdownView } from './MarkdownView.tsx';

/** Back in the plenary: the groups' results of a closed phase, shown on request and exportable. */
export function ResultsPanel({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
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
      <p>
        <a href={api.resultsUrl(phase.id)} download>
          {t('notes.download')}
        </a>
      </p>
    </section>
  );
}
