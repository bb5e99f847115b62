import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { liveErrorKey } from '../realtime/errors.ts';

export interface ConsoleErrorText {
  summary: string;
  /** The server's own words (English), when they say more than the summary. */
  detail: string | null;
}

/** What to tell the organizer about a failed action, with the server's reason when it has one. */
export function consoleErrorText(t: TFunction, error: unknown): ConsoleErrorText {
  const summary = t(liveErrorKey(error));
  const telling =
    error instanceof ApiError &&
    ['conflict', 'bad_request', 'validation_failed', 'not_found', 'payload_too_large'].includes(
      error.code,
    );
  return { summary, detail: telling ? error.message : null };
}
