import type { ErrorCode } from '@plenum/shared';

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** The one error type services throw; REST and socket layers turn it into `{ error }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    status?: number,
    readonly fields?: Record<string, string>,
    readonly reason?: string,
  ) {
    super(message);
    this.status = status ?? statusByCode[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('forbidden', message);

/**
 * Postgres data exceptions that only a value from the client can cause once it passed validation
 * (a NUL character in text, an unpaired surrogate in JSON, the year 0): a 400, not our 500.
 */
const unstorableCodes = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);
export function unstorableInput(err: unknown): AppError | null {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === 'string' ? e.code : e?.cause?.code;
  if (typeof code !== 'string' || !unstorableCodes.has(code)) return null;
  return new AppError(
    'bad_request',
    'The input contains something that cannot be stored (such as a NUL character, an unpaired surrogate or a date out of range).',
  );
}
