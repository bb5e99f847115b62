import { generalErrorKey, type GeneralErrorKey } from '../../app/errorMessages.ts';
import { ApiError } from '../../lib/api.ts';
import { RealtimeError } from '../../lib/socket.ts';

export type LiveErrorKey =
  | GeneralErrorKey
  | 'live.errors.timeout'
  | 'live.errors.forbidden'
  | 'live.errors.conflict'
  | 'live.errors.invalid';

/** What to tell a person when a live action (socket or REST) failed. */
export function liveErrorKey(error: unknown): LiveErrorKey {
  const code = error instanceof RealtimeError || error instanceof ApiError ? error.code : null;
  switch (code) {
    case 'timeout':
      return 'live.errors.timeout';
    case 'forbidden':
      return 'live.errors.forbidden';
    case 'conflict':
      return 'live.errors.conflict';
    case 'validation_failed':
      return 'live.errors.invalid';
    case 'rate_limited':
      return 'errors.rateLimited';
    default:
      return error instanceof ApiError ? generalErrorKey(error) : 'errors.unexpected';
  }
}
