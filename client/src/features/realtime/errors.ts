import { errorCodeKey, type ErrorCodeKey } from '../../app/errorMessages.ts';

export type LiveErrorKey = ErrorCodeKey | 'errors.unexpected';

/** What to tell a person when a live action (socket or REST) failed: one text per error code. */
export function liveErrorKey(error: unknown): LiveErrorKey {
  return errorCodeKey(error);
}
