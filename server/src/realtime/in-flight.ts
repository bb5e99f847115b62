/**
 * Identical reads that arrive while one is running share its answer instead of queueing for the
 * database again: 150 connections asking for the same presence list cost one query, not 150.
 * Nothing is kept once the query is done, so no answer is older than the request it serves.
 */
export class InFlight {
  private running = new Map<string, Promise<unknown>>();

  run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const shared = this.running.get(key);
    if (shared) return shared as Promise<T>;
    const started = read().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
