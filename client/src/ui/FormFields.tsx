import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { shownFormError, type FormError } from '../lib/form-rules.ts';
import type { ConsoleErrorText } from './errorText.ts';
import {
  boundControl,
  controlProps,
  describedBy,
  FieldFrame,
  FieldMessages,
  type FieldProps,
  type FieldText,
} from './TextField.tsx';

/** The console's other fields, in the same frame as TextField; its error texts for them. */

/** A field's problem in words. */
export function useFormErrorText() {
  const { t, i18n } = useTranslation();
  return (error: FormError | undefined): string | undefined => {
    if (!error) return undefined;
    const shown = shownFormError(error, i18n.resolvedLanguage);
    return t(`console.formErrors.${shown.key}`, { ...shown });
  };
}

type TextAreaFieldProps = FieldProps<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  HTMLTextAreaElement
>;

export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  onChange,
  inputRef,
  ...rest
}: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        {...rest}
        {...boundControl({ id, hint, error, inputRef, onChange })}
        required={required}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = FieldProps<SelectHTMLAttributes<HTMLSelectElement>, HTMLSelectElement> & {
  options: { value: string; label: string }[];
};

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  onChange,
  inputRef,
  ...rest
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select {...rest} {...boundControl({ id, hint, error, inputRef, onChange })}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Several choices under one question: a fieldset whose legend names it. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  chosen,
  onChange,
  empty,
  firstRef,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; note?: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Said instead of the list when there is nothing to choose. */
  empty: string;
  firstRef?: Ref<HTMLInputElement>;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  return (
    <fieldset
      className={error ? 'choice-group field-invalid' : 'choice-group'}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.length === 0 && <p className="meta">{empty}</p>}
      <ul className="choice-list">
        {options.map((o, i) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              ref={i === 0 ? firstRef : undefined}
              checked={chosen.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${o.value}`}>
              {o.label}
              {o.note && <span className="meta"> {o.note}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type FileFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> &
  FieldText & { inputRef?: Ref<HTMLInputElement> };

/** A file to upload (a schedule, a spreadsheet), read by the form on submit through `inputRef`. */
export function FileField({ id, label, hint, error, inputRef, ...rest }: FileFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input {...rest} type="file" {...controlProps({ id, hint, error })} ref={inputRef} />
    </FieldFrame>
  );
}

/** What a form's refusal says beyond its fields (the server's general reason), above the form. */
export function FormMessage({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <p className="field-error console-error-summary">
      <strong>{t('errors.prefix')}</strong> {text}
    </p>
  );
}

/** The form's submit button ("Saving …" while it runs) and, where the form closes, Cancel. */
export function FormButtons({
  saving,
  submitLabel,
  onCancel,
}: {
  saving: boolean;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const submit = (
    <button type="submit" className="button button-primary" aria-disabled={saving || undefined}>
      {saving ? t('console.saving') : submitLabel}
    </button>
  );
  if (!onCancel) return submit;
  return (
    <div className="button-row">
      {submit}
      <button type="button" className="button" onClick={onCancel}>
        {t('console.cancel')}
      </button>
    </div>
  );
}

/** A failed action's message beside its control; announced by the action runner. */
export function ActionError({ error }: { error: ConsoleErrorText | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="field-error console-error">
      <strong>{t('errors.prefix')}</strong> {error.summary}
      {error.detail && (
        <>
          {' '}
          <span lang="en">({error.detail})</span>
        </>
      )}
    </p>
  );
}
