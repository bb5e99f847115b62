/**
 * What the server child spent: SQL statements sent to Postgres (BEGIN and COMMIT included) and
 * CPU time (user + system). Both are far steadier than latency on a loaded machine, so a bench
 * reports them per join or per open beside its percentiles. Statements are counted by wrapping
 * `pg`'s Client.query, the one door every pooled and transactional query goes through.
 */
import pg from 'pg';
import { answer } from './server-child.ts';

let statements = 0;

/** Call in the server child before the app is built; answers the driver's `work` requests. */
export function countWork(opts: { sql: boolean }) {
  if (opts.sql) {
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements++;
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
  }
  answer('work', async () => {
    const cpu = process.cpuUsage();
    return { type: 'work', statements, cpuUs: cpu.user + cpu.system };
  });
}

export interface Work {
  statements: number;
  cpuUs: number;
}

/** The driver's side: the child's counters now. */
export const workSoFar = (srv: { ask<A>(m: object, t: string): Promise<A> }) =>
  srv.ask<Work & { type: 'work' }>({ type: 'work' }, 'work');

/** Statements and CPU ms per unit of work between two readings. */
export const workPer = (before: Work, after: Work, units: number) => ({
  sqlPer: Number(((after.statements - before.statements) / units).toFixed(1)),
  cpuMsPer: Number(((after.cpuUs - before.cpuUs) / 1000 / units).toFixed(2)),
});
