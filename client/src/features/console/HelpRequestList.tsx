import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useAnnounce } from '../../app/status.tsx';
import { formatTime } from '../../lib/agenda.ts';

interface HelpRequestListProps {
  requests: HelpRequest[];
  onDone: (id: number) => void;
  onVisit: (roomId: string) => Promise<boolean>;
  timeZone: string;
}

/** Groups that asked for help, newest first: go there, or mark it done. */
export function HelpRequestList({ requests, onDone, onVisit, timeZone }: HelpRequestListProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const announce = useAnnounce();
  if (requests.length === 0) return null;
  const visit = async (roomId: string) => {
    if (!(await onVisit(roomId))) announce(t('console.visit.failed'));
  };
  return (
    <section className="console-help" aria-labelledby="console-help-heading">
      <h4 id="console-help-heading">{t('console.help.heading', { count: requests.length })}</h4>
      <ul className="console-list">
        {requests.map((r) => (
          <li key={r.id} className="console-row">
            <p className="console-row-main">
              <strong>{r.roomName}</strong>
              {' · '}
              {r.displayName ?? t('chat.unknownAuthor')}
              {' · '}
              <time dateTime={r.createdAt}>{formatTime(r.createdAt, timeZone, locale)}</time>
              {r.message && <> — {r.message}</>}
            </p>
            <div className="console-row-actions">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => void visit(r.roomId)}
              >
                {t('console.help.visit')}
                <span className="visually-hidden"> {r.roomName}</span>
              </button>
              <button type="button" className="button button-quiet" onClick={() => onDone(r.id)}>
                {t('help.done')}
                <span className="visually-hidden"> {r.roomName}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
