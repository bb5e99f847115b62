import type { ErrorCode } from '@plenum/shared';
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

/** Every code a failure can carry: the server's shared ones and the client's own two. */
export type ClientErrorCode = ErrorCode | 'network' | 'timeout';
export type ErrorCodeKey = `errors.code.${ClientErrorCode}`;

/**
 * The text for an error code, in the page's language. The server's `message` is English and
 * meant for developers and logs; people read these instead. Written out (not built from the
 * code) so that a code without a translation fails the typecheck and the i18n test.
 */
export const errorCodeKeys: Record<ClientErrorCode, ErrorCodeKey> = {
  bad_request: 'errors.code.bad_request',
  validation_failed: 'errors.code.validation_failed',
  unauthenticated: 'errors.code.unauthenticated',
  forbidden: 'errors.code.forbidden',
  not_found: 'errors.code.not_found',
  conflict: 'errors.code.conflict',
  gone: 'errors.code.gone',
  rate_limited: 'errors.code.rate_limited',
  payload_too_large: 'errors.code.payload_too_large',
  unavailable: 'errors.code.unavailable',
  internal: 'errors.code.internal',
  network: 'errors.code.network',
  timeout: 'errors.code.timeout',
};

const isKnownCode = (code: unknown): code is ClientErrorCode =>
  typeof code === 'string' && Object.hasOwn(errorCodeKeys, code);

/**
 * The key for any failure (ApiError, RealtimeError): by its code when it is one we know,
 * otherwise "something went wrong". Read by shape, so the join page need not load the socket.
 */
export function errorCodeKey(error: unknown): ErrorCodeKey | 'errors.unexpected' {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return isKnownCode(code) ? errorCodeKeys[code] : 'errors.unexpected';
}
