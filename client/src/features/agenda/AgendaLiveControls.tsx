import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { checkMinutes, type FormError } from '../../lib/form-rules.ts';
import { ActionError, useFormErrorText } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { agendaApi } from './agenda-api.ts';
import { isRunning } from './agenda.ts';

interface AgendaLiveControlsProps {
  slug: string;
  item: AgendaItem;
  /** The whole agenda as the server answered (it broadcasts the same to everyone). */
  onAgenda: (items: AgendaItem[]) => void;
}

/** Start or end an item now; lengthen it or move it and everything after it that day. */
export function AgendaLiveControls({ slug, item, onAgenda }: AgendaLiveControlsProps) {
  const { t } = useTranslation();
  const errorText = useFormErrorText();
  const action = useConsoleAction();
  const id = useId();
  const [minutes, setMinutes] = useState('5');
  const [minutesError, setMinutesError] = useState<FormError | undefined>();
  const running = isRunning(item);
  const title = item.title;

  const live = (kind: 'start' | 'end') =>
    void action.run(
      kind,
      async () =>
        onAgenda(
          await (kind === 'start'
            ? agendaApi.startItem(slug, item.id)
            : agendaApi.endItem(slug, item.id)),
        ),
      () => t(kind === 'start' ? 'console.agenda.started' : 'console.agenda.ended', { title }),
    );

  const move = (kind: 'extend' | 'shift') => {
    const checked = checkMinutes(minutes, kind === 'extend' ? 'agendaExtend' : 'agendaShift');
    if (!checked.ok) return setMinutesError(checked.error);
    setMinutesError(undefined);
    const value = checked.value;
    void action.run(
      kind,
      async () =>
        onAgenda(
          await (kind === 'extend'
            ? agendaApi.extendItem(slug, item.id, value)
            : agendaApi.shiftItem(slug, item.id, value)),
        ),
      () =>
        t(kind === 'extend' ? 'console.agenda.extended' : 'console.agenda.shifted', {
          title,
          count: value,
        }),
    );
  };

  const failed = action.errorFor('start') ?? action.errorFor('end') ?? action.errorFor('extend');
  const error = errorText(minutesError);
  return (
    <>
      <button
        type="button"
        className={running ? 'button button-quiet' : 'button button-quiet button-on'}
        aria-disabled={action.busy !== null || undefined}
        onClick={() => live(running ? 'end' : 'start')}
      >
        {t(running ? 'console.agenda.end' : 'console.agenda.start')}
        <span className="visually-hidden"> {title}</span>
      </button>
      <details className="console-details">
        <summary>
          {t('console.agenda.adjust')}
          <span className="visually-hidden"> {title}</span>
        </summary>
        <div className="console-inline">
          <TextField
            id={`${id}-minutes`}
            label={t('console.minutes')}
            hint={t('console.agenda.minutesHint')}
            error={error}
            small
            inputMode="numeric"
            value={minutes}
            onChange={setMinutes}
          />
          <button type="button" className="button button-quiet" onClick={() => move('extend')}>
            {t('console.agenda.extend')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => move('shift')}>
            {t('console.agenda.shift')}
          </button>
        </div>
        <ActionError error={action.errorFor('shift')} />
      </details>
      <ActionError error={failed} />
    </>
  );
}
