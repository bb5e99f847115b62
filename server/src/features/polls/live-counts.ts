import { pollLimits } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { withTimeout, type RedisClient } from '../../plugins/redis.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { pollAudience, pollCounts } from './broadcast.ts';
import { tallyPoll, type PollRow } from './repository.ts';

/**
 * When a node may send a poll's counts: 0 to send now, or the milliseconds until it may. Alone, a
 * node only spaces its own sends; with Redis, the nodes share one window per poll.
 */
export type CountsWindow = (pollId: string) => Promise<number>;

export const ownWindow: CountsWindow = async () => 0;

/** One key per poll that lives for one interval: whoever sets it sends; the others wait it out. */
export function sharedWindow(redis: RedisClient, prefix: string, intervalMs: number): CountsWindow {
  return async (pollId) => {
    const key = `${prefix}poll-counts:${pollId}`;
    // A Redis that does not answer soon must not hold the counts back (the caller sends then).
    const claimed = await withTimeout(
      redis.set(key, '1', { expiration: { type: 'PX', value: intervalMs }, condition: 'NX' }),
      intervalMs,
    );
    if (claimed === 'OK') return 0;
    return Math.max(1, await withTimeout(redis.pTTL(key), intervalMs));
  };
}

/**
 * Live counts for the staff, aggregated: a vote marks its poll, and at most once per interval
 * (250 ms: 4 per second per poll) the counts are read from the database and sent. The database is
 * the truth, so whichever send comes last carries the right numbers; nothing here needs to
 * survive a restart.
 */
export class LiveCounts {
  readonly #pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly io: PlenumServer,
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly window: CountsWindow = ownWindow,
    private readonly intervalMs: number = pollLimits.countsIntervalMs,
  ) {}

  /** A vote was stored: the counts go out within an interval or two, together with the others. */
  voted(poll: PollRow) {
    if (!this.#pending.has(poll.id)) this.#later(poll, this.intervalMs);
  }

  /** The poll closed: its results replace the counts. */
  forget(pollId: string) {
    clearTimeout(this.#pending.get(pollId));
    this.#pending.delete(pollId);
  }

  stop() {
    for (const timer of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }

  #later(poll: PollRow, ms: number) {
    const timer = setTimeout(() => void this.#due(poll), ms);
    timer.unref();
    this.#pending.set(poll.id, timer);
  }

  async #due(poll: PollRow) {
    // Without the shared window (Redis away) the node still spaces its own sends.
    const wait = await this.window(poll.id).catch(() => 0);
    if (!this.#pending.has(poll.id)) return; // closed meanwhile
    if (wait > 0) return this.#later(poll, wait);
    // Unmarked before reading: a vote stored while the counts are read marks the poll again.
    this.#pending.delete(poll.id);
    try {
      const [tally, audience] = await Promise.all([
        tallyPoll(this.db, poll),
        pollAudience(this.db, poll),
      ]);
      pollCounts(this.io, audience, tally);
    } catch (err) {
      this.onError(err);
    }
  }
}
