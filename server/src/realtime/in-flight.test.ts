import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.ts';

/** A read whose answer is the number of reads started so far, resolved by hand. */
function countingReads() {
  let started = 0;
  const finish: (() => void)[] = [];
  const read = () => {
    const n = ++started;
    return new Promise<number>((resolve) => finish.push(() => resolve(n)));
  };
  const settle = async () => {
    while (finish.length) {
      finish.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { read, settle, started: () => started };
}

describe('InFlight', () => {
  it('shares a running read with callers that arrive meanwhile', async () => {
    const reads = new InFlight();
    const { read, settle, started } = countingReads();
    const first = reads.run('k', read);
    const second = reads.run('k', read);
    await settle();
    expect([await first, await second, started()]).toEqual([1, 1, 1]);
  });

  it('answers runAfter from a read that starts after the call, shared by those waiting', async () => {
    const reads = new InFlight();
    const { read, settle, started } = countingReads();
    const older = reads.run('k', read);
    const fresh = reads.runAfter('k', read);
    const alsoFresh = reads.runAfter('k', read);
    await settle();
    expect([await older, await fresh, await alsoFresh, started()]).toEqual([1, 2, 2, 2]);
  });

  it('reads at once for runAfter when nothing runs, and after a failed read too', async () => {
    const reads = new InFlight();
    expect(await reads.runAfter('k', async () => 'now')).toBe('now');
    const failing = reads.run('k', () => Promise.reject(new Error('down')));
    const after = reads.runAfter('k', async () => 'later');
    await expect(failing).rejects.toThrow('down');
    expect(await after).toBe('later');
  });
});
