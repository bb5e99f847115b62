import { useTranslation } from 'react-i18next';
import { reactionSymbols, summarize } from './reactions.ts';
import type { useReactions } from './useReactions.ts';
import './reactions.css';

type Reactions = ReturnType<typeof useReactions>;

/**
 * Bubbles over the stage (decoration, hidden from screen readers) and, for them, a polite
 * summary every few seconds: "Reaktionen: 3 × Applaus".
 */
export function ReactionOverlay({ reactions }: { reactions: Reactions }) {
  const { t } = useTranslation();
  const { bubbles, summary } = reactions;
  return (
    <>
      <div className="reaction-overlay" aria-hidden="true">
        {bubbles.map((b) => (
          <span key={b.id} className="reaction-bubble" style={{ left: `${b.left}%` }}>
            {reactionSymbols[b.kind]}
            {b.count > 1 && <span className="reaction-count">{b.count}</span>}
          </span>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {summary &&
          t('reactions.summary', {
            summary: summarize(summary, (kind) => t(`reactions.kinds.${kind}`)),
          })}
      </p>
    </>
  );
}
