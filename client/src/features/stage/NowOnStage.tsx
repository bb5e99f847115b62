import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useNow } from '../../app/useNow.ts';
import { formatTimeRange, liveItemIds } from '../agenda/agenda.ts';

/** What is on now, above the stage: the live agenda item, its time and its speakers. */
export function NowOnStage({
  items,
  timeZone,
}: {
  items: readonly AgendaItem[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const now = useNow();
  const live = liveItemIds(items, now);
  const item = items.find((i) => live.has(i.id));
  if (!item) return null;
  const speakers = item.speakers.map((s) => s.name).join(', ');
  return (
    <div className="stage-now" aria-live="off">
      <p>
        <strong>{t('stage.now', { title: item.title })}</strong>{' '}
        <span className="meta">
          {formatTimeRange(item, timeZone, locale)}
          {speakers && <> · {speakers}</>}
        </span>
      </p>
    </div>
  );
}
