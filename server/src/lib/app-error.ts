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

/**
 * Postgres is gone or going (refused, reset, shut down, connection cut mid-query): a 503 the client
 * may retry, not a 500. pg reports a cut connection by message only, without a code.
 */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);
// "…is not queryable": a query on a client whose connection was cut just before — such as the
// rollback of a transaction cut mid-way, which then replaces the original error.
const unreachableMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;
export function databaseUnavailable(err: unknown): AppError | null {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  // drizzle wraps the driver's error in `cause`; one level is all it adds.
  for (let depth = 0; e && depth < 3; depth++) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    const message = typeof e.message === 'string' ? e.message : '';
    if ((code && unreachableCodes.has(code)) || unreachableMessages.test(message)) {
      return new AppError(
        'unavailable',
        'The database is not reachable; please try again shortly.',
      );
    }
    e = e.cause as typeof e;
  }
  return null;
}
