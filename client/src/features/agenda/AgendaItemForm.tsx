import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Event } from '@plenum/shared';
import { agendaKinds } from '@plenum/shared/vocab';
import { useLanguage } from '../../app/i18n/index.ts';
import { useAnnounce } from '../../app/status.tsx';
import { ApiError } from '../../lib/api.ts';
import { firstInvalid, type FormErrors } from '../../lib/form-rules.ts';
import { consoleErrorText } from '../../ui/errorText.ts';
import { FormButtons, SelectField, TextAreaField, useFormErrorText } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { agendaApi } from './agenda-api.ts';
import {
  agendaErrorsFromServer,
  agendaFields,
  agendaFormFromItem,
  agendaPatch,
  checkAgendaForm,
  emptyAgendaForm,
  type AgendaField,
  type AgendaFormValues,
} from './agenda-form.ts';

interface AgendaItemFormProps {
  event: Pick<Event, 'slug' | 'startsAt' | 'timeZone'>;
  items: readonly AgendaItem[];
  /** null: a new item. */
  item: AgendaItem | null;
  onSaved: (item: AgendaItem) => void;
  onCancel: () => void;
}

/** Add or edit one agenda item; the server's refusals (400 fields, 409 overlap) show at the fields. */
export function AgendaItemForm({ event, items, item, onSaved, onCancel }: AgendaItemFormProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const announce = useAnnounce();
  const errorText = useFormErrorText();
  const { timeZone } = event;
  const [original] = useState(() =>
    item ? agendaFormFromItem(item, timeZone) : emptyAgendaForm(items, event),
  );
  const [values, setValues] = useState<AgendaFormValues>(original);
  const [errors, setErrors] = useState<FormErrors<AgendaField>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const inputs = useRef<Partial<Record<AgendaField, HTMLElement | null>>>({});
  const inputRef = (name: AgendaField) => (el: HTMLElement | null) => {
    inputs.current[name] = el;
  };
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const showErrors = (found: FormErrors<AgendaField>, general: string[]) => {
    setErrors(found);
    setFormErrors(general);
    const first = firstInvalid(agendaFields, found);
    if (first) inputs.current[first]?.focus();
    const count = Object.keys(found).length + general.length;
    announce(
      [
        t('console.errorSummary', { count }),
        ...Object.values(found).map((e) => errorText(e)),
        ...general,
      ].join(' '),
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const checked = checkAgendaForm(values, timeZone);
    if (!checked.ok) return showErrors(checked.errors, []);
    const patch = item ? agendaPatch(original, checked.body, values) : null;
    if (item && !patch) return onCancel();
    setSaving(true);
    try {
      const saved = item
        ? await agendaApi.updateAgendaItem(event.slug, item.id, patch!)
        : await agendaApi.createAgendaItem(event.slug, checked.body);
      announce(
        t(item ? 'console.agenda.updated' : 'console.agenda.created', { title: saved.title }),
      );
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
        const found = agendaErrorsFromServer(error, items, timeZone, locale);
        return showErrors(
          found.errors,
          found.unassigned.length ? [consoleErrorText(t, error).summary] : [],
        );
      }
      const text = consoleErrorText(t, error);
      showErrors({}, [text.detail ? `${text.summary} (${text.detail})` : text.summary]);
    }
  };

  const field = (name: AgendaField) => ({
    id: `agenda-form-${name}`,
    value: values[name],
    error: errorText(errors[name]),
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    inputRef: inputRef(name),
  });
  const title = item
    ? t('console.agenda.editHeading', { title: item.title })
    : t('console.agenda.newHeading');

  return (
    <form
      className="console-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="agenda-form-heading"
    >
      <h4 id="agenda-form-heading" ref={heading} tabIndex={-1}>
        {title}
      </h4>
      {formErrors.length > 0 && (
        <div className="console-error-summary">
          {formErrors.map((text) => (
            <p key={text} className="field-error">
              <strong>{t('errors.prefix')}</strong> {text}
            </p>
          ))}
        </div>
      )}
      <TextField {...field('title')} label={t('console.agenda.title')} required />
      <SelectField
        {...field('kind')}
        label={t('console.agenda.kind')}
        options={agendaKinds.map((k) => ({ value: k, label: t(`agenda.kind.${k}`) }))}
      />
      <div className="console-field-row">
        <TextField {...field('date')} type="date" label={t('console.agenda.date')} required />
        <TextField
          {...field('time')}
          type="time"
          label={t('console.agenda.time')}
          hint={t('console.agenda.timeHint', { timeZone })}
          required
        />
        <TextField
          {...field('durationMinutes')}
          inputMode="numeric"
          label={t('console.agenda.duration')}
          required
        />
      </div>
      <TextAreaField
        {...field('speakers')}
        rows={3}
        label={t('console.agenda.speakers')}
        hint={t('console.agenda.speakersHint')}
      />
      <TextAreaField {...field('description')} rows={3} label={t('console.agenda.description')} />
      <FormButtons
        saving={saving}
        submitLabel={t(item ? 'console.save' : 'console.agenda.create')}
        onCancel={onCancel}
      />
    </form>
  );
}
