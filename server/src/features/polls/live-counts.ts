import { pollLimits } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { pollAudience, pollCounts } from './broadcast.ts';
import { tallyPoll, type PollRow } from './repository.ts';

/**
 * Live counts for the staff, aggregated: a vote marks its poll, and at most once per interval
 * (250 ms: 4 per second per poll and node) the counts are read from the database and sent. The
 * database is the truth, so whichever node sends last sends the right numbers; nothing here
 * needs to survive a restart.
 */
export class LiveCounts {
  readonly #pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly io: PlenumServer,
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs: number = pollLimits.countsIntervalMs,
  ) {}

  /** A vote was stored: the counts go out within one interval, together with the others. */
  voted(poll: PollRow) {
    if (this.#pending.has(poll.id)) return;
    const timer = setTimeout(() => {
      // Unmarked before reading: a vote stored while the counts are read marks the poll again.
      this.#pending.delete(poll.id);
      this.#send(poll).catch(this.onError);
    }, this.intervalMs);
    timer.unref();
    this.#pending.set(poll.id, timer);
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

  async #send(poll: PollRow) {
    const [tally, audience] = await Promise.all([
      tallyPoll(this.db, poll),
      pollAudience(this.db, poll),
    ]);
    pollCounts(this.io, audience, tally);
  }
}
