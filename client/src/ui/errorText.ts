import i18next, { type TFunction } from 'i18next';
import { liveErrorKey } from '../features/realtime/errors.ts';
import { ApiError } from '../lib/api.ts';

export interface ConsoleErrorText {
  summary: string;
  /**
   * The server's own words, when they say more than the summary. They are English, so they are
   * shown only on an English page: a German page says everything in German.
   */
  detail: string | null;
}

/** What to tell the organizer about a failed action, in the page's language. */
export function consoleErrorText(t: TFunction, error: unknown): ConsoleErrorText {
  const summary = t(liveErrorKey(error));
  const telling =
    i18next.resolvedLanguage === 'en' &&
    error instanceof ApiError &&
    ['conflict', 'bad_request', 'validation_failed', 'not_found', 'payload_too_large'].includes(
      error.code,
    );
  return { summary, detail: telling ? error.message : null };
}
