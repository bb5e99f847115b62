import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useNow } from '../../app/useNow.ts';
import { formatTimeRange, liveItemIds } from '../agenda/agenda.ts';

/** What is on now, above the stage: the live agenda item (or the next), its time, speakers. */
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
  const current = items.find((i) => live.has(i.id));
  // Nothing running: what comes next, so the first screen always says where the day stands.
  const next = current
    ? undefined
    : items
        .filter((i) => i.actualStartAt === null && Date.parse(i.startsAt) > now)
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  const item = current ?? next;
  if (!item) return null;
  const speakers = item.speakers.map((s) => s.name).join(', ');
  return (
    <div className="stage-now" aria-live="off">
      <p>
        <strong>{t(current ? 'stage.now' : 'stage.next', { title: item.title })}</strong>{' '}
        <span className="meta">
          {formatTimeRange(item, timeZone, locale)}
          {speakers && <> · {speakers}</>}
        </span>
      </p>
    </div>
  );
}
