/**
 * Counts the SQL statements the server child sends to Postgres (BEGIN and COMMIT included), so
 * that a bench can report statements per join or per open. It wraps `pg`'s Client.query, the one
 * door every pooled and transactional query goes through; install it before the app is built.
 */
import pg from 'pg';

let statements = 0;
let installed = false;

export function countSqlStatements() {
  if (installed) return;
  installed = true;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** Statements sent since the process started (0 until `countSqlStatements` ran). */
export const sqlStatementsSoFar = () => statements;
