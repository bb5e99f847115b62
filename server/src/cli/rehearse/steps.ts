/** One step of the rehearsal as printed: passed, failed, or skipped after an earlier failure. */
export interface StepResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  /** What was checked (passed) or what went wrong (failed). */
  detail: string;
}

export type Figures = Record<string, number | null>;

/**
 * Runs steps in order and records each. The day builds on itself (nobody chats who did not join),
 * so after a failure the following steps are skipped, except those marked `always` (cleanup).
 */
export class StepRunner {
  readonly results: StepResult[] = [];
  readonly figures: Figures = {};

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly onResult: (result: StepResult) => void = () => {},
  ) {}

  get failed(): boolean {
    return this.results.some((r) => r.status === 'failed');
  }

  /** Runs `body` unless an earlier step failed; its return value is the step's detail. */
  async step(
    name: string,
    body: () => Promise<string | void>,
    opts: { always?: boolean } = {},
  ): Promise<boolean> {
    if (this.failed && !opts.always) {
      return this.record({ name, status: 'skipped', ms: 0, detail: 'an earlier step failed' });
    }
    const start = this.now();
    try {
      const detail = (await body()) ?? '';
      return this.record({ name, status: 'passed', ms: this.now() - start, detail });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return this.record({ name, status: 'failed', ms: this.now() - start, detail });
    }
  }

  /** A figure in milliseconds (null when it could not be measured). */
  figure(name: string, ms: number | null) {
    this.figures[name] = ms === null ? null : Math.round(ms * 10) / 10;
  }

  private record(result: StepResult): boolean {
    this.results.push(result);
    this.onResult(result);
    return result.status === 'passed';
  }
}

/** The q-quantile (0..1) of samples by nearest rank; null without samples. */
export function percentile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Fails the step with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Runs `task` for every item with at most `limit` in flight; results in input order. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
