import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditArea, AuditEntry, Event } from '@plenum/shared';
import { auditAreas } from '@plenum/shared/vocab';
import { useLanguage } from '../../app/i18n/index.ts';
import { useAnnounce } from '../../app/status.tsx';
import { formatDateTime } from '../../lib/time-format.ts';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { detailsSummary } from './audit.ts';
import { auditSentence } from './audit-sentence.ts';
import { useAuditLog } from './useAuditLog.ts';

/** The audit log: who changed what and when, newest first, an area at a time if wished. */
export function AuditPanel({ event }: { event: Pick<Event, 'slug' | 'timeZone'> }) {
  const { t } = useTranslation();
  const { language, locale } = useLanguage();
  const announce = useAnnounce();
  const log = useAuditLog(event.slug);
  const endRef = useRef<HTMLParagraphElement>(null);

  const loadMore = async () => {
    const count = await log.loadMore();
    if (count === null) return;
    announce(t('console.audit.loadedMore', { count }));
    // After React has drawn the page: the button may have given way to the closing sentence.
    window.setTimeout(() => endRef.current?.focus());
  };
  // The button goes away with the last page; the sentence that replaces it takes the focus.
  const onLastPage = log.status === 'done' && log.nextBefore === null;

  const action = (entry: AuditEntry) =>
    t(`console.audit.actions.${entry.action}`, { defaultValue: entry.action });
  // What the sentence does not say already (the name it names).
  const extraDetails = (entry: AuditEntry) => {
    const rest = Object.fromEntries(
      Object.entries(entry.details).filter(
        ([key, value]) => !(['name', 'title', 'label'].includes(key) && value === entry.targetName),
      ),
    );
    return Object.keys(rest).length > 0 ? detailsSummary(rest, 80) : '';
  };
  const sentence = (entry: AuditEntry) =>
    auditSentence(entry.action, entry.actor?.displayName ?? null, entry.targetName, language);

  return (
    <section className="console-part" aria-labelledby="console-audit-heading">
      <h3 id="console-audit-heading">{t('console.audit.heading')}</h3>
      <p className="meta">{t('console.audit.intro', { timeZone: event.timeZone })}</p>
      <p className="meta">{t('console.audit.live')}</p>
      <div className="console-inline">
        <div className="field">
          <label htmlFor="console-audit-area">{t('console.audit.area')}</label>
          <select
            id="console-audit-area"
            value={log.area ?? ''}
            onChange={(e) => log.setArea((e.target.value || null) as AuditArea | null)}
          >
            <option value="">{t('console.audit.allAreas')}</option>
            {auditAreas.map((area) => (
              <option key={area} value={area}>
                {t(`console.audit.areas.${area}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-quiet" onClick={log.reload}>
          {t('console.records.reload')}
        </button>
        <a
          className="button button-quiet"
          href={`/api/events/${encodeURIComponent(event.slug)}/audit.csv`}
          download
        >
          {t('console.audit.csv')}
        </a>
      </div>

      {log.status === 'loading' && <p className="loading">{t('console.records.loading')}</p>}
      {log.status === 'failed' && <LoadFailed />}
      {log.status === 'done' && log.entries.length === 0 && <p>{t('console.audit.empty')}</p>}
      {log.entries.length > 0 && (
        <div
          className="table-scroll"
          role="region"
          tabIndex={0}
          aria-labelledby="console-audit-caption"
        >
          <table className="console-table records-table">
            <caption id="console-audit-caption">
              {t('console.audit.caption', { count: log.entries.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('console.audit.when')}</th>
                <th scope="col">{t('console.audit.actor')}</th>
                <th scope="col">{t('console.audit.action')}</th>
                <th scope="col">{t('console.audit.entry')}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="records-time">
                    <time dateTime={entry.at}>
                      {formatDateTime(entry.at, event.timeZone, locale)}
                    </time>
                  </th>
                  <td>{entry.actor?.displayName || t('console.audit.system')}</td>
                  <td>{action(entry)}</td>
                  <td className="records-details">
                    {sentence(entry)}
                    {extraDetails(entry) && <span className="meta"> ({extraDetails(entry)})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {log.nextBefore !== null && (
        <button
          type="button"
          className="button"
          aria-disabled={log.loadingMore || undefined}
          onClick={() => {
            if (log.loadingMore) return;
            void loadMore();
          }}
        >
          {t(log.loadingMore ? 'console.records.loading' : 'console.audit.more')}
        </button>
      )}
      {log.moreFailed && <LoadFailed />}
      {onLastPage && log.entries.length > 0 && (
        <p ref={endRef} tabIndex={-1} className="meta">
          {t('console.audit.end')}
        </p>
      )}
    </section>
  );
}
