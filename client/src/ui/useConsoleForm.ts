import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../app/status.tsx';
import { ApiError } from '../lib/api.ts';
import { fieldErrorsFromServer, firstInvalid, type FormErrors } from '../lib/form-rules.ts';
import { consoleErrorText } from './errorText.ts';
import { useFormErrorText } from './FormFields.tsx';

/**
 * The error handling every console form shares: errors at their fields, one general message,
 * focus on the first invalid field and one announcement for screen readers that lists them all.
 * `serverAliases` maps a server field name to the form field that edits it.
 */
export function useConsoleForm<F extends string>(
  fields: readonly F[],
  serverAliases: Partial<Record<string, F>> = {},
) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const errorText = useFormErrorText();
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputs = useRef<Partial<Record<F, HTMLElement | null>>>({});

  const showErrors = (found: FormErrors<F>, message: string | null) => {
    setErrors(found);
    setGeneral(message);
    const first = firstInvalid(fields, found);
    if (first) inputs.current[first]?.focus();
    const texts = Object.values<FormErrors<F>[F]>(found).map((e) => errorText(e));
    announce(
      [t('console.errorSummary', { count: texts.length + (message ? 1 : 0) }), ...texts, message]
        .filter(Boolean)
        .join(' '),
    );
  };

  /** A refused request: at the fields the server named, otherwise as one general message. */
  const showFailure = (error: unknown) => {
    const found =
      error instanceof ApiError ? fieldErrorsFromServer(error.fields, fields, serverAliases) : null;
    if (found && Object.keys(found.errors).length > 0) return showErrors(found.errors, null);
    const text = consoleErrorText(t, error);
    showErrors({}, text.detail ? `${text.summary} (${text.detail})` : text.summary);
  };

  /** The ref callback by which a field can take focus when it is the first invalid one. */
  const inputRef = (name: F) => (el: HTMLElement | null) => {
    inputs.current[name] = el;
  };

  const clearErrors = () => {
    setErrors({});
    setGeneral(null);
  };

  return {
    errors,
    general,
    saving,
    setSaving,
    inputs,
    inputRef,
    errorText,
    showErrors,
    showFailure,
    clearErrors,
  };
}
