import { useTranslation } from 'react-i18next';
import type { AgendaItem, Event } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useNow } from '../../app/useNow.ts';
import { formatDay } from '../../lib/time-format.ts';
import { ActionError } from '../../ui/FormFields.tsx';
import { AddButton, DeleteButton, EditButton } from '../../ui/ListEditButtons.tsx';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { useFormOpener } from '../../ui/useFormOpener.ts';
import { useRowDelete } from '../../ui/useRowDelete.ts';
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
  const deleting = useRowDelete<AgendaItem>(
    async (item) => {
      await agendaApi.deleteAgendaItem(event.slug, item.id);
      agenda.remove(item.id);
    },
    (item) => t('console.agenda.deleted', { title: item.title }),
  );
  const now = useNow();
  const live = liveItemIds(agenda.items, now);
  const { timeZone } = event;

  return (
    <section className="console-part" aria-labelledby="console-agenda-heading">
      <h3 id="console-agenda-heading">{t('console.agenda.heading')}</h3>
      <p className="meta">{t('agenda.timeZoneNote', { timeZone })}</p>
      <div className="console-toolbar">
        {canEdit && (
          <AddButton
            buttonRef={addButton}
            open={editing?.mode === 'new'}
            label={t('console.agenda.add')}
            onClick={() => setEditing({ mode: 'new' })}
          />
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
                    <EditButton
                      name={item.title}
                      onClick={() => setEditing({ mode: 'edit', item })}
                    />
                  )}
                  {canEdit && (
                    <DeleteButton
                      name={item.title}
                      title={t('console.agenda.deleteTitle', { title: item.title })}
                      text={t('console.agenda.deleteText')}
                      busy={deleting.busy(item)}
                      onConfirm={() => deleting.remove(item)}
                    />
                  )}
                  {canRun && (
                    <AgendaLiveControls slug={event.slug} item={item} onAgenda={agenda.replace} />
                  )}
                </div>
                <ActionError error={deleting.errorFor(item)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
