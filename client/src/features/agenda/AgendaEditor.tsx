import { useTranslation } from 'react-i18next';
import type { AgendaItem, Event } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useNow } from '../../app/useNow.ts';
import { formatDay } from '../../lib/time-format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ActionError } from '../../ui/FormFields.tsx';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { useFormOpener } from '../../ui/useFormOpener.ts';
import { agendaApi } from './agenda-api.ts';
import { formatTimeRange, groupByDay, liveItemIds } from './agenda.ts';
import { AgendaImport } from './AgendaImport.tsx';
import { AgendaItemForm } from './AgendaItemForm.tsx';
import { AgendaLiveControls } from './AgendaLiveControls.tsx';
import { useAgendaEditor } from './useAgendaEditor.ts';

type Editing = { mode: 'new' } | { mode: 'edit'; item: AgendaItem } | null;

interface AgendaEditorProps {
  event: Pick<Event, 'id' | 'slug' | 'startsAt' | 'timeZone'>;
  canEdit: boolean;
  canRun: boolean;
}

/** The agenda as organizers edit it and run it live: add, edit, delete, start, end, move. */
export function AgendaEditor({ event, canEdit, canRun }: AgendaEditorProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const agenda = useAgendaEditor(event.slug, event.id);
  const {
    shown: editing,
    show: setEditing,
    opener: addButton,
    close: closeForm,
  } = useFormOpener<Editing>(null);
  const action = useConsoleAction();
  const now = useNow();
  const live = liveItemIds(agenda.items, now);
  const { timeZone } = event;

  const remove = (item: AgendaItem) =>
    void action.run(
      `delete:${item.id}`,
      async () => {
        await agendaApi.deleteAgendaItem(event.slug, item.id);
        agenda.remove(item.id);
      },
      () => t('console.agenda.deleted', { title: item.title }),
    );

  return (
    <section className="console-part" aria-labelledby="console-agenda-heading">
      <h3 id="console-agenda-heading">{t('console.agenda.heading')}</h3>
      <p className="meta">{t('agenda.timeZoneNote', { timeZone })}</p>
      <div className="console-toolbar">
        {canEdit && (
          <button
            ref={addButton}
            type="button"
            className="button button-primary"
            aria-expanded={editing?.mode === 'new'}
            onClick={() => setEditing({ mode: 'new' })}
          >
            {t('console.agenda.add')}
          </button>
        )}
        <a className="button" href={agendaApi.icalUrl(event.slug)} download>
          {t('console.agenda.ical')}
        </a>
      </div>
      {canEdit && editing && (
        <AgendaItemForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          event={event}
          items={agenda.items}
          item={editing.mode === 'edit' ? editing.item : null}
          onSaved={(item) => {
            agenda.put(item);
            closeForm();
          }}
          onCancel={closeForm}
        />
      )}
      {canEdit && <AgendaImport slug={event.slug} onImported={agenda.reload} />}

      {agenda.status === 'loading' && agenda.items.length === 0 && (
        <p className="loading">{t('app.loading')}</p>
      )}
      {agenda.status === 'failed' && <LoadFailed onRetry={agenda.reload} />}
      {agenda.status === 'done' && agenda.items.length === 0 && <p>{t('agenda.empty')}</p>}
      {groupByDay(agenda.items, timeZone).map((day) => (
        // Named apart from the event page's agenda days: one landmark name per day and place.
        <section
          key={day.key}
          aria-label={t('console.agenda.dayLabel', {
            day: formatDay(day.firstStartsAt, timeZone, locale),
          })}
        >
          <h4 id={`console-day-${day.key}`}>{formatDay(day.firstStartsAt, timeZone, locale)}</h4>
          <ol className="console-list">
            {day.items.map((item) => (
              <li
                key={item.id}
                className={live.has(item.id) ? 'console-row console-row-live' : 'console-row'}
              >
                <div className="console-row-main">
                  <p className="agenda-time">{formatTimeRange(item, timeZone, locale)}</p>
                  <p className="console-row-title">
                    <strong>{item.title}</strong>{' '}
                    <span className="meta">{t(`agenda.kind.${item.kind}`)}</span>
                    {live.has(item.id) && (
                      <strong className="live-badge">{t('agenda.live')}</strong>
                    )}
                  </p>
                </div>
                <div className="console-row-actions">
                  {canEdit && (
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => setEditing({ mode: 'edit', item })}
                    >
                      {t('console.edit')}
                      <span className="visually-hidden"> {item.title}</span>
                    </button>
                  )}
                  {canEdit && (
                    <ConfirmButton
                      className="button button-quiet"
                      label={t('console.delete')}
                      labelDetail={item.title}
                      title={t('console.agenda.deleteTitle', { title: item.title })}
                      text={t('console.agenda.deleteText')}
                      confirmLabel={t('console.delete')}
                      busy={action.busy === `delete:${item.id}`}
                      onConfirm={() => remove(item)}
                    />
                  )}
                  {canRun && (
                    <AgendaLiveControls slug={event.slug} item={item} onAgenda={agenda.replace} />
                  )}
                </div>
                <ActionError error={action.errorFor(`delete:${item.id}`)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
