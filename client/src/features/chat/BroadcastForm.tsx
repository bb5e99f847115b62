import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementScope } from '@plenum/shared';
import { CHAT_MAX_LENGTH } from '@plenum/shared/limits';
import { ActionError, TextAreaField } from '../../ui/FormFields.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { useRealtime } from '../realtime/RealtimeContext.tsx';

/**
 * An announcement to all working groups ("Noch 5 Minuten") or to the whole event. The same
 * clientId is kept until it went through, so a resend after a timeout is stored only once.
 */
export function BroadcastForm() {
  const { t } = useTranslation();
  const id = useId();
  const realtime = useRealtime();
  const action = useConsoleAction();
  const [body, setBody] = useState('');
  const [scope, setScope] = useState<AnnouncementScope>('working_groups');
  const [invalid, setInvalid] = useState<string | undefined>();
  const clientId = useRef(crypto.randomUUID());
  const input = useRef<HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    const problem =
      text === ''
        ? t('console.broadcast.empty')
        : text.length > CHAT_MAX_LENGTH
          ? t('chat.tooLong', { max: CHAT_MAX_LENGTH })
          : undefined;
    setInvalid(problem);
    if (problem) return input.current?.focus();
    const sent = await action.run(
      'send',
      () => realtime.request('chat:announce', { scope, clientId: clientId.current, body: text }),
      () => t(`console.broadcast.sent.${scope}`),
    );
    if (sent) {
      setBody('');
      clientId.current = crypto.randomUUID();
    }
  };

  return (
    <form
      className="console-form broadcast-form"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${id}-heading`}
    >
      <h4 id={`${id}-heading`}>{t('console.broadcast.heading')}</h4>
      <TextAreaField
        id={`${id}-body`}
        rows={2}
        label={t('console.broadcast.text')}
        hint={t('console.broadcast.hint')}
        value={body}
        error={invalid}
        onChange={setBody}
        inputRef={input}
      />
      <fieldset className="choice-group">
        <legend>{t('console.broadcast.to')}</legend>
        {(['working_groups', 'event'] as const).map((value) => (
          <div key={value} className="choice-single">
            <input
              type="radio"
              id={`${id}-${value}`}
              name={`${id}-scope`}
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            <label htmlFor={`${id}-${value}`}>{t(`console.broadcast.scope.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <button
        type="submit"
        className="button button-primary"
        aria-disabled={action.busy !== null || undefined}
      >
        {t('console.broadcast.send')}
      </button>
      <ActionError error={action.errorFor('send')} />
    </form>
  );
}
