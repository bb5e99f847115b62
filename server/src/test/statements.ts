import pg from 'pg';

/** Every statement sent to Postgres while `work` runs, with the number of rows it returned. */
export async function statementsDuring(work: () => Promise<void>) {
  const seen: { text: string; rows: number }[] = [];
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const record = (config: unknown, result: unknown) => {
    const text = typeof config === 'string' ? config : ((config as { text?: string }).text ?? '');
    seen.push({ text, rows: (result as { rows?: unknown[] } | undefined)?.rows?.length ?? 0 });
  };
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (err: unknown, result: unknown) => {
        if (!err) record(args[0], result);
        return (callback as (e: unknown, r: unknown) => unknown)(err, result);
      };
    }
    const answer = query.apply(this, args);
    if (answer && typeof (answer as Promise<unknown>).then === 'function')
      void (answer as Promise<unknown>).then((result) => record(args[0], result)).catch(() => {});
    return answer;
  } as typeof pg.Client.prototype.query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
  }
  return seen;
}
