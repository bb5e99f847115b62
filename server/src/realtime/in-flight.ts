/**
 * Identical reads that arrive while one is running share its answer instead of queueing for the
 * database again: 150 connections asking for the same presence list cost one query, not 150.
 * Nothing is kept once the query is done.
 */
export class InFlight {
  private running = new Map<string, Promise<unknown>>();
  private queued = new Map<string, Promise<unknown>>();

  /** The answer of the read running now, or of a new one: it may have started before the call. */
  run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const shared = this.running.get(key);
    if (shared) return shared as Promise<T>;
    const started = read().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }

  /**
   * An answer from a read that starts after this call, for a caller that has just changed what
   * it will hear of (joined a room of updates): a read already running may have missed a change
   * that the room's next update will not repeat either. Callers arriving while one runs share
   * the one read after it.
   */
  runAfter<T>(key: string, read: () => Promise<T>): Promise<T> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting as Promise<T>;
    const running = this.running.get(key);
    if (!running) return this.run(key, read);
    const next = running
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key);
        return this.run(key, read);
      });
    this.queued.set(key, next);
    return next;
  }
}
