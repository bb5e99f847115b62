import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaRetry } from './media-retry.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('MediaRetry', () => {
  it('keeps asking for a token, later each time, until one comes', async () => {
    const answers = [false, false, true];
    const asked: number[] = [];
    const retry = new MediaRetry(async () => {
      asked.push(Date.now());
      return answers.shift() ?? true;
    });
    const start = Date.now();
    retry.lost();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked.map((at) => at - start)).toEqual([2_000, 6_000, 12_000]);
  });

  it('starts with short pauses again after a new connection, and stops when the page goes', async () => {
    let asked = 0;
    const retry = new MediaRetry(async () => (asked++, true));
    retry.lost();
    await vi.advanceTimersByTimeAsync(2_000);
    retry.lost();
    retry.reset();
    retry.lost();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toBe(2);
    retry.lost();
    retry.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toBe(2);
  });

  it('treats a failed request like a missing token', async () => {
    let asked = 0;
    const retry = new MediaRetry(async () => {
      if (asked++ === 0) throw new Error('offline');
      return true;
    });
    retry.lost();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toBe(2);
  });
});
