import { agendaLimits, phaseLimits, type Range } from '@plenum/shared/limits';
import { checkWholeNumber, type Checked as SharedChecked } from '@plenum/shared/rules';

/**
 * The console forms' shared rules: what a field's problem is, said as data the page translates.
 * The checks themselves (text, whole numbers, limits) are shared's, the server's own; they run
 * here only to answer fast and in the reader's language. The server decides.
 */

export type FormError =
  | { key: 'required' }
  | { key: 'tooLong'; max: number }
  | { key: 'wholeNumber' }
  | { key: 'numberRange'; min: number; max: number }
  | { key: 'notZero' }
  | { key: 'invalidDate' }
  | { key: 'invalidTime' }
  | { key: 'nonexistentTime' }
  | { key: 'chooseOne' }
  | { key: 'outsideEvent'; first: string; last: string }
  | { key: 'overlap'; title: string; range: string }
  | { key: 'rejected'; detail: string }
  | { key: 'rejectedPlain' };

/**
 * The error as a page in `language` shows it: the server's reason for refusing a field is
 * English, so a page in any other language says only that the entry was not accepted.
 */
export function shownFormError(error: FormError, language: string | undefined): FormError {
  return error.key === 'rejected' && language !== 'en' ? { key: 'rejectedPlain' } : error;
}

export type FormErrors<F extends string> = Partial<Record<F, FormError>>;

export type Checked<T> = SharedChecked<T, FormError>;

export function firstInvalid<F extends string>(
  order: readonly F[],
  errors: FormErrors<F>,
): F | undefined {
  return order.find((field) => errors[field]);
}

/**
 * The server names offending fields like `body.capacity` or `body.speakers.0.name`. Each known
 * field (after `aliases`) gets the server's detail; the rest stay unassigned.
 */
export function fieldErrorsFromServer<F extends string>(
  fields: Record<string, string>,
  known: readonly F[],
  aliases: Partial<Record<string, F>> = {},
): { errors: FormErrors<F>; unassigned: string[] } {
  const errors: FormErrors<F> = {};
  const unassigned: string[] = [];
  for (const [path, detail] of Object.entries(fields)) {
    const name = path.replace(/^body\.?/, '').split('.')[0] ?? '';
    const field = aliases[name] ?? (known.includes(name as F) ? (name as F) : undefined);
    if (field) errors[field] ??= { key: 'rejected', detail };
    else unassigned.push(detail);
  }
  return { errors, unassigned };
}

/** "2026-03-12" as the reader's date, without moving it through any time zone. */
export function formatIsoDate(isoDate: string, locale: string): string {
  const instant = Date.parse(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(instant)) return isoDate;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(instant);
}

/** A checked form: the body to send, or the errors per field. */
export type FormResult<F extends string, B> =
  { ok: true; body: B } | { ok: false; errors: FormErrors<F> };

// Minutes for live changes (agenda and phases)

export type MinutesUse = 'agendaExtend' | 'agendaShift' | 'phaseExtend';

const minuteLimits: Record<MinutesUse, Range> = {
  agendaExtend: agendaLimits.extendMinutes,
  agendaShift: agendaLimits.shiftMinutes,
  phaseExtend: phaseLimits.extendMinutes,
};

/** Minutes for extend (positive) or shift (a delay, or negative for a gain; never 0). */
export function checkMinutes(text: string, use: MinutesUse): Checked<number> {
  const checked = checkWholeNumber(text, minuteLimits[use]);
  if (!checked.ok) return checked;
  if (checked.value === 0) return { ok: false, error: { key: 'notZero' } satisfies FormError };
  return { ok: true, value: checked.value! };
}
