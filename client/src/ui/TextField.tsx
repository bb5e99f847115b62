import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The form fields: one frame (label, "required", hint, error, all tied to the control with
 * aria-describedby / aria-invalid) around an input here, and around the console's textarea, select
 * and checkbox group in FormFields.tsx (apart, so that the join page loads only the input).
 */

export function describedBy(id: string, hint?: string, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** What every field takes: the control's id, its label, a hint and an error under the label. */
export interface FieldText {
  id: string;
  label: string;
  hint?: string;
  /** Shown under the field and tied to it with aria-describedby / aria-invalid. */
  error?: string;
}

/** A control's props for a field: the attributes minus the ones the field sets, plus its text. */
export type FieldProps<Attributes, Element> = Omit<Attributes, 'id' | 'onChange'> &
  FieldText & {
    value: string;
    onChange: (value: string) => void;
    inputRef?: Ref<Element>;
  };

/** The control's side of the frame: its id, and the hint and error tied to it. */
export function controlProps({ id, hint, error }: Omit<FieldText, 'label'>) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

type TextControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A text control's props in a field: controlProps, its ref, and its value handed up as text. */
export function boundControl<Element extends TextControl>({
  id,
  hint,
  error,
  inputRef,
  onChange,
}: Omit<FieldText, 'label'> & {
  inputRef?: Ref<Element>;
  onChange: (value: string) => void;
}) {
  return {
    ...controlProps({ id, hint, error }),
    ref: inputRef,
    onChange: (event: ChangeEvent<Element>) => onChange(event.target.value),
  };
}

/** The hint and the error under a field's label, each with the id the control points to. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
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

export function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  small,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** A narrow field beside its buttons (minutes to extend by). */
  small?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const className = ['field', error && 'field-invalid', small && 'field-small'].filter(Boolean);
  return (
    <div className={className.join(' ')}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field-required"> {t('form.required')}</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

type TextFieldProps = FieldProps<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement> & {
  small?: boolean;
};

/** A labelled input whose hint and error are read out with it. */
export function TextField({
  id,
  label,
  hint,
  error,
  required,
  onChange,
  inputRef,
  small,
  ...input
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} small={small}>
      <input
        {...input}
        {...boundControl({ id, hint, error, inputRef, onChange })}
        required={required}
      />
    </FieldFrame>
  );
}
