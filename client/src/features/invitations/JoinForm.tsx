import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { generalErrorKey, type GeneralErrorKey } from '../../app/errorMessages.ts';
import { useAnnounce } from '../../app/status.tsx';
import { api, ApiError, type RedeemResult } from '../../lib/api.ts';
import { TextField } from '../../ui/TextField.tsx';
import {
  errorsFromServer,
  firstInvalidField,
  toRedeemBody,
  validateJoin,
  type JoinErrors,
  type JoinField,
  type JoinFieldError,
  type JoinValues,
} from './joinForm.ts';
import { linkProblemOf, type LinkProblem } from './linkProblem.ts';

interface JoinFormProps {
  token: string;
  onLinkProblem: (problem: LinkProblem) => void;
  /** Joined: the session cookie is set; the page goes on to the device check. */
  onJoined: (joined: RedeemResult) => void;
}

export function JoinForm({ token, onLinkProblem, onJoined }: JoinFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState<JoinValues>({ displayName: '', email: '' });
  const [errors, setErrors] = useState<JoinErrors>({});
  const [formError, setFormError] = useState<GeneralErrorKey | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputs = useRef<Partial<Record<JoinField, HTMLInputElement | null>>>({});
  const inputRef = (name: JoinField) => (element: HTMLInputElement | null) => {
    inputs.current[name] = element;
  };

  const message = (error: JoinFieldError | undefined) =>
    error && t(`join.fieldErrors.${error.key}`, { length: 'length' in error ? error.length : 0 });

  const showFieldErrors = (found: JoinErrors) => {
    setErrors(found);
    const first = firstInvalidField(found);
    if (!first) return false;
    inputs.current[first]?.focus();
    announce(t('join.errorSummary', { count: Object.keys(found).length }));
    return true;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    if (showFieldErrors(validateJoin(values))) return;

    setSubmitting(true);
    try {
      const joined = await api.redeemInvitation(token, toRedeemBody(values));
      announce(t('join.welcome', { name: joined.person.displayName }));
      onJoined(joined);
    } catch (error) {
      setSubmitting(false);
      const problem = linkProblemOf(error);
      if (problem) return onLinkProblem(problem);
      if (error instanceof ApiError && showFieldErrors(errorsFromServer(error))) return;
      const key = generalErrorKey(error);
      setFormError(key);
      announce(t(key));
    }
  };

  const field = (name: JoinField) => ({
    id: `join-${name}`,
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    error: message(errors[name]),
    inputRef: inputRef(name),
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <TextField
        {...field('displayName')}
        label={t('join.displayName')}
        hint={t('join.displayNameHint')}
        required
        autoComplete="name"
        spellCheck={false}
      />
      <TextField
        {...field('email')}
        label={t('join.email')}
        hint={t('join.emailHint')}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
      />
      {formError && <p className="error-text">{t(formError)}</p>}
      <button
        type="submit"
        className="button button-primary"
        aria-disabled={submitting || undefined}
      >
        {t(submitting ? 'join.submitting' : 'join.submit')}
      </button>
    </form>
  );
}
