import { ApiError } from '../lib/api.ts';

export type GeneralErrorKey =
  'errors.network' | 'errors.rateLimited' | 'errors.unavailable' | 'errors.unexpected';

/** What to tell a person about a failure no page handles specially. */
export function generalErrorKey(error: unknown): GeneralErrorKey {
  if (!(error instanceof ApiError)) return 'errors.unexpected';
  switch (error.code) {
    case 'network':
      return 'errors.network';
    case 'rate_limited':
      return 'errors.rateLimited';
    case 'unavailable':
      return 'errors.unavailable';
    default:
      return 'errors.unexpected';
  }
}
