import type { DbOrTx } from './client.ts';

/**
 * One prepared statement per database handle, built on first use. Drizzle then skips building
 * the SQL on every call, and with `pg` Postgres parses and plans a named statement once per
 * pooled connection. For the hot single-row reads of the join path (session, actor, room).
 */
export function preparedPer<P>(build: (db: DbOrTx) => P): (db: DbOrTx) => P {
  const built = new WeakMap<DbOrTx, P>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
