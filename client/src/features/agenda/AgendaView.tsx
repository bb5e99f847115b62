import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useNow } from '../../app/useNow.ts';
import { formatDay, formatTime } from '../../lib/time-format.ts';
import { groupByDay, liveItemIds, scheduledEnd } from './agenda.ts';

interface AgendaViewProps {
  items: readonly AgendaItem[];
  timeZone: string;
}

export function AgendaView({ items, timeZone }: AgendaViewProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const now = useNow();
  const live = liveItemIds(items, now);
  const days = groupByDay(items, timeZone);

  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('agenda.heading')}</h2>
      <p className="meta">{t('agenda.timeZoneNote', { timeZone })}</p>
      {days.length === 0 && <p>{t('agenda.empty')}</p>}
      {days.map((day) => (
        <section key={day.key} className="agenda-day" aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`}>{formatDay(day.firstStartsAt, timeZone, locale)}</h3>
          <ol className="agenda-list">
            {day.items.map((item) => (
              <AgendaEntry
                key={item.id}
                item={item}
                isLive={live.has(item.id)}
                timeZone={timeZone}
                locale={locale}
              />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

interface AgendaEntryProps {
  item: AgendaItem;
  isLive: boolean;
  timeZone: string;
  locale: string;
}

function AgendaEntry({ item, isLive, timeZone, locale }: AgendaEntryProps) {
  const { t } = useTranslation();
  const end = scheduledEnd(item);
  return (
    <li
      className={isLive ? 'agenda-item agenda-item-live' : 'agenda-item'}
      aria-current={isLive ? 'time' : undefined}
    >
      <p className="agenda-time">
        <time dateTime={item.startsAt}>{formatTime(item.startsAt, timeZone, locale)}</time>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden"> {t('agenda.to')} </span>
        <time dateTime={end.toISOString()}>{formatTime(end, timeZone, locale)}</time>
      </p>
      <div className="agenda-body">
        <p className="agenda-kind">
          {t(`agenda.kind.${item.kind}`)}
          {isLive && <strong className="live-badge">{t('agenda.live')}</strong>}
        </p>
        <h4 className="agenda-title">{item.title}</h4>
        {item.speakers.length > 0 && (
          <p className="agenda-speakers">
            <span className="agenda-label">{t('agenda.with')}</span>{' '}
            {item.speakers
              .map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name))
              .join(', ')}
          </p>
        )}
        {item.description && <p className="agenda-description">{item.description}</p>}
      </div>
    </li>
  );
}
