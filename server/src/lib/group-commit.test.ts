import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A writer whose batches finish when the test says so. */
function controlledWriter() {
  const batches: number[][] = [];
  const pending: Array<{ finish: () => void; fail: (err: Error) => void }> = [];
  const commit = new GroupCommit<number, string>(
    (items) =>
      new Promise((resolve, reject) => {
        batches.push(items);
        pending.push({
          finish: () => resolve(items.map((n) => (n < 0 ? new Error(`refused ${n}`) : `#${n}`))),
          fail: reject,
        });
      }),
    { maxBatch: 3 },
  );
  // A few turns of the event loop: the answer's microtasks, then the next batch's scheduling.
  const nextTurn = async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  };
  return { commit, batches, pending, nextTurn };
}

describe('group commit', () => {
  it('a lone item is written at once; what arrives meanwhile goes together as the next batch, in order', async () => {
    const { commit, batches, pending, nextTurn } = controlledWriter();
    const first = commit.submit(1);
    await nextTurn();
    expect(batches).toEqual([[1]]);

    const later = [2, 3, 4, 5].map((n) => commit.submit(n));
    await nextTurn();
    expect(batches).toHaveLength(1); // waiting for the batch being written
    pending[0]!.finish();
    expect(await first).toBe('#1');
    await nextTurn();
    expect(batches).toEqual([[1], [2, 3, 4]]); // at most maxBatch
    pending[1]!.finish();
    await nextTurn();
    expect(batches[2]).toEqual([5]);
    pending[2]!.finish();
    expect(await Promise.all(later)).toEqual(['#2', '#3', '#4', '#5']);
    expect(commit.stats).toEqual({ batches: 3, items: 5, largest: 3 });
  });

  it('a failed batch fails every item in it and none of the next batch; an item refused alone fails alone', async () => {
    const { commit, pending, nextTurn } = controlledWriter();
    const doomed = [1, 2].map((n) => commit.submit(n).catch((err: Error) => err.message));
    await nextTurn();
    const next = [3, -4].map((n) => commit.submit(n).catch((err: Error) => err.message));
    pending[0]!.fail(new Error('database gone'));
    expect(await Promise.all(doomed)).toEqual(['database gone', 'database gone']);
    await nextTurn();
    pending[1]!.finish();
    expect(await Promise.all(next)).toEqual(['#3', 'refused -4']);
  });
});
