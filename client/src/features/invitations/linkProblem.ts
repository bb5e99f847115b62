import { ApiError } from '../../lib/api.ts';

/** Why an invitation link cannot be used, in words a person can act on. */
export type LinkProblem = 'invalid' | 'expired' | 'revoked' | 'usedUp' | 'gone';

const goneReasons: Record<string, LinkProblem> = {
  expired: 'expired',
  revoked: 'revoked',
  used_up: 'usedUp',
};

/** `null` when the error says nothing about the link itself (offline, rate limit, ...). */
export function linkProblemOf(error: unknown): LinkProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'gone') return goneReasons[error.reason ?? ''] ?? 'gone';
  if (error.code === 'not_found') return 'invalid';
  // A malformed token fails the route's parameter validation.
  if (
    error.code === 'validation_failed' &&
    Object.keys(error.fields).some((f) => f.startsWith('params.'))
  ) {
    return 'invalid';
  }
  return null;
}
