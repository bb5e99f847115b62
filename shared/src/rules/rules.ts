import type { Range } from '../limits/limits.ts';

/**
 * `@plenum/shared/rules`: what makes typed text acceptable, without zod. The schemas build on these
 * patterns; the client's forms run the checks to answer fast and in the reader's language. The
 * server decides.
 */

/**
 * Plain text: line breaks and tabs stay; other control characters and bidi overrides (which can
 * disguise text) are refused. Emoji joiners are allowed.
 */
export const plainTextPattern = /^(?:[\n\t]|[^\p{Cc}\u202A-\u202E\u2066-\u2069])*$/u;

/** Names hold no control or format characters at all (no line breaks, no invisible marks). */
export const namePattern = /^[^\p{Cc}\p{Cf}]*$/u;

/** Windows and old Mac line breaks become "\n"; the ends are trimmed. */
export function normalizePlainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Why a value was refused, as data the page translates. */
export type RuleProblem =
  | { key: 'required' }
  | { key: 'tooLong'; max: number }
  | { key: 'wholeNumber' }
  | { key: 'numberRange'; min: number; max: number };

export type Checked<T, P = RuleProblem> = { ok: true; value: T } | { ok: false; error: P };

/** Trimmed text that must not be empty (unless optional) and not longer than `max`. */
export function checkText(value: string, max: number, optional = false): Checked<string> {
  const text = value.trim();
  if (!optional && text === '') return { ok: false, error: { key: 'required' } };
  if (text.length > max) return { ok: false, error: { key: 'tooLong', max } };
  return { ok: true, value: text };
}

/**
 * A whole number typed into a field: "30", " +5 ", "-10". Empty is `null` when `optional`. A
 * number input may hold "1e3" or "2.5"; both are refused, as the server would.
 */
export function checkWholeNumber(
  text: string,
  range: Range,
  optional = false,
): Checked<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return optional ? { ok: true, value: null } : { ok: false, error: { key: 'required' } };
  }
  if (!/^[+-]?\d+$/.test(trimmed)) return { ok: false, error: { key: 'wholeNumber' } };
  const value = Number(trimmed);
  if (value < range.min || value > range.max) {
    return { ok: false, error: { key: 'numberRange', min: range.min, max: range.max } };
  }
  return { ok: true, value };
}
