import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useAnnounce } from '../../app/status.tsx';
import { formatTime } from '../../lib/time-format.ts';
import { useLiveAction } from '../realtime/useLiveAction.ts';
import { splitHelpRequests } from './help-requests.ts';

interface HelpRequestListProps {
  requests: HelpRequest[];
  onDone: (id: number) => Promise<unknown>;
  onVisit: (roomId: string) => Promise<boolean>;
  timeZone: string;
}

/** Groups that asked for help: the open ones to go to or mark done, then those already done. */
export function HelpRequestList({ requests, onDone, onVisit, timeZone }: HelpRequestListProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const announce = useAnnounce();
  const { busy, run } = useLiveAction<number>();
  const { open, done } = splitHelpRequests(requests);
  if (requests.length === 0) return null;
  const time = (iso: string) => formatTime(iso, timeZone, locale);

  const visit = async (roomId: string) => {
    if (!(await onVisit(roomId))) announce(t('console.visit.failed'));
  };
  const markDone = (request: HelpRequest) =>
    run(
      request.id,
      () => onDone(request.id),
      () => t('help.markedDone', { room: request.roomName }),
    );
  const who = (r: HelpRequest) => r.displayName ?? t('chat.unknownAuthor');

  return (
    <section className="console-help" aria-labelledby="console-help-heading">
      <h4 id="console-help-heading">{t('console.help.heading', { count: open.length })}</h4>
      {open.length === 0 && <p className="meta">{t('console.help.none')}</p>}
      <ul className="console-list">
        {open.map((r) => (
          <li key={r.id} className="console-row">
            <p className="console-row-main">
              <strong>{r.roomName}</strong> · {who(r)} ·{' '}
              <time dateTime={r.createdAt}>{time(r.createdAt)}</time>
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
              <button
                type="button"
                className="button button-quiet"
                aria-disabled={busy === r.id || undefined}
                onClick={() => void markDone(r)}
              >
                {t('help.done')}
                <span className="visually-hidden"> {r.roomName}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {done.length > 0 && (
        <details className="console-help-done">
          <summary>{t('console.help.doneHeading', { count: done.length })}</summary>
          <ul className="console-list">
            {done.map((r) => (
              <li key={r.id} className="console-row">
                <p className="console-row-main">
                  <strong>{r.roomName}</strong> · {who(r)}
                  {r.message && <> — {r.message}</>}
                  <br />
                  <span className="meta">
                    {r.resolvedBy
                      ? t('help.doneBy', { name: r.resolvedBy, time: time(r.resolvedAt!) })
                      : t('help.doneAt', { time: time(r.resolvedAt!) })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
