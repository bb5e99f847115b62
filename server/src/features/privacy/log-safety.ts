/**
 * Logs must never carry chat text, notes or names. Errors are the one way such data slips in: a
 * failed query's error lists its parameters (drizzle: "Failed query: … params: <the message>"),
 * and Postgres adds the offending row to its `detail` ("Failing row contains (…)"). This
 * serializer keeps what an operator needs — type, message up to the parameters, code,
 * constraint, table, stack frames, cause — and drops the values.
 */
const valueCarryingKeys = new Set(['params', 'parameters', 'detail', 'where', 'internalQuery']);

const PARAMS_MARK = '\nparams:';

const withoutParams = (text: string) => {
  const at = text.indexOf(PARAMS_MARK);
  return at === -1 ? text : `${text.slice(0, at)}${PARAMS_MARK} [redacted]`;
};

export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** The logger's `err` serializer. */
export const serializeErrorSafely = (err: Error): SafeError =>
  // Anything logged under `err` that is not an Error (a string, say) passes as it is.
  err instanceof Error ? safeError(err, 0) : (err as never);

/** A cause that is no Error may be any object: only its primitive value is kept. */
function safe(value: unknown, depth: number): unknown {
  if (value instanceof Error) return safeError(value, depth);
  return value !== null && typeof value === 'object' ? '[object]' : value;
}

function safeError(err: Error, depth: number): SafeError {
  if (depth > 5) return { type: err.name, message: '[cause chain cut]', stack: '' };
  const message = withoutParams(err.message);
  const head = `${err.name}: ${err.message}`;
  // The stack repeats the message: keep only the frames after it.
  const stack = err.stack?.startsWith(head)
    ? `${err.name}: ${message}${err.stack.slice(head.length)}`
    : withoutParams(err.stack ?? '');
  const out: SafeError = { type: err.constructor?.name ?? err.name, message, stack };
  for (const [key, value] of Object.entries(err)) {
    if (valueCarryingKeys.has(key) || key === 'message' || key === 'stack') continue;
    if (value instanceof Error) out[key] = safeError(value, depth + 1);
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      out[key] = typeof value === 'string' ? withoutParams(value) : value;
    }
  }
  if (err.cause !== undefined) out.cause = safe(err.cause, depth + 1);
  return out;
}

/** Invitation tokens open the event to whoever holds them: the request log shows them masked. */
const tokenInPath = /^(\/api\/invitations\/|\/join\/)[^/?#]+/;

export const maskSecretsInUrl = (url: string | undefined) => url?.replace(tokenInPath, '$1[token]');

/** The logger's `req` serializer: Fastify's fields, with invitation tokens masked in the URL. */
export function serializeRequestSafely(req: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: maskSecretsInUrl(req.url),
    version: req.headers?.['accept-version'] as string | undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
