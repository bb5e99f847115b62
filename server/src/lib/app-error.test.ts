import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from './app-error.ts';

describe('databaseUnavailable', () => {
  it.each([
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'shut down by the administrator',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    [
      'starting up',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['cut mid-query (pg gives no code)', new Error('Connection terminated unexpectedly')],
    [
      'cut before a transaction’s rollback',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'wrapped by drizzle',
      Object.assign(new Error('Failed query: select 1'), { cause: { code: '57P01' } }),
    ],
  ])('Postgres %s is a 503 the client may retry', (_name, err) => {
    expect(databaseUnavailable(err)).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
  ])('%s is not an outage', (_name, err) => {
    expect(databaseUnavailable(err)).toBeNull();
  });
});
