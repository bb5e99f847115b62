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

export function serializeErrorSafely(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  if (depth > 5) return { type: err.name, message: '[cause chain cut]' };
  const message = withoutParams(err.message);
  const head = `${err.name}: ${err.message}`;
  // The stack repeats the message: keep only the frames after it.
  const stack = err.stack?.startsWith(head)
    ? `${err.name}: ${message}${err.stack.slice(head.length)}`
    : withoutParams(err.stack ?? '');
  const out: Record<string, unknown> = { type: err.constructor?.name ?? err.name, message, stack };
  for (const [key, value] of Object.entries(err)) {
    if (valueCarryingKeys.has(key) || key === 'message' || key === 'stack') continue;
    if (value instanceof Error) out[key] = serializeErrorSafely(value, depth + 1);
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      out[key] = typeof value === 'string' ? withoutParams(value) : value;
    }
  }
  if (err.cause !== undefined) out.cause = serializeErrorSafely(err.cause, depth + 1);
  return out;
}
