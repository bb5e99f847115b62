import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { shownFormError, type FormError } from '../lib/form-rules.ts';
import type { ConsoleErrorText } from './errorText.ts';

/**
 * The form fields: one frame (label, "required", hint, error, all tied to the control with
 * aria-describedby / aria-invalid) around an input, a textarea, a select or a group of checkboxes.
 */

/** A field's problem in words. */
export function useFormErrorText() {
  const { t, i18n } = useTranslation();
  return (error: FormError | undefined): string | undefined => {
    if (!error) return undefined;
    const shown = shownFormError(error, i18n.resolvedLanguage);
    return t(`console.formErrors.${shown.key}`, { ...shown });
  };
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** The hint and the error under a field's label, each with the id the control points to. */
function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <strong>{t('errors.prefix')}</strong> {error}
        </p>
      )}
    </>
  );
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field-required"> {t('form.required')}</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  hint?: string;
  /** Shown under the field and tied to it with aria-describedby / aria-invalid. */
  error?: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are read out with it. */
export function TextField({
  id,
  label,
  hint,
  error,
  required,
  onChange,
  inputRef,
  ...input
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <input
        {...input}
        id={id}
        ref={inputRef}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'onChange'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

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
        id={id}
        ref={inputRef}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'onChange'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLSelectElement>;
}

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
      <select
        {...rest}
        id={id}
        ref={inputRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
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
