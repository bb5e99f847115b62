/**
 * Group commit: items submitted while a batch is being written wait for it and then go together,
 * as the next batch. A lone item waits for nothing but the current turn of the event loop (what
 * arrived in the same turn joins it), so a quiet node answers as fast as before, and a burst of a
 * thousand costs a handful of round trips instead of a thousand: one connection of the pool
 * instead of all of them.
 *
 * One batch is written at a time, so batches are written (and their items answered) in the order
 * they were submitted. `write` answers each item in the order given, with a value or an Error
 * for that item alone; when `write` throws, every item of that batch gets the error (nothing of
 * it was stored: the batch is one statement or one transaction).
 */
/** Answers given in one turn of the event loop before the next turn. */
const ANSWERS_PER_TURN = 20;

export class GroupCommit<In, Out> {
  readonly #write: (items: In[]) => Promise<(Out | Error)[]>;
  readonly #maxBatch: number;
  #queue: { item: In; resolve: (out: Out) => void; reject: (err: unknown) => void }[] = [];
  #writing = false;
  #scheduled = false;
  /** Batches written so far, and items in them (for tests and benches). */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  constructor(write: (items: In[]) => Promise<(Out | Error)[]>, opts: { maxBatch: number }) {
    this.#write = write;
    this.#maxBatch = opts.maxBatch;
  }

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Items waiting for a batch, not counting the one being written. */
  get waiting(): number {
    return this.#queue.length;
  }

  #schedule() {
    if (this.#writing || this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush() {
    if (this.#writing || this.#queue.length === 0) return;
    this.#writing = true;
    const batch = this.#queue.splice(0, this.#maxBatch);
    this.stats.batches += 1;
    this.stats.items += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    try {
      const results = await this.#write(batch.map((b) => b.item));
      for (let i = 0; i < batch.length; i++) {
        // What the callers do next (a chat message: a broadcast to a thousand sockets) runs in
        // the microtasks of each answer; a pause now and then lets the node serve others between.
        if (i > 0 && i % ANSWERS_PER_TURN === 0) await new Promise((r) => setImmediate(r));
        const result = results[i];
        const b = batch[i]!;
        if (result instanceof Error) b.reject(result);
        else if (result === undefined) b.reject(new Error('group commit: no result for an item'));
        else b.resolve(result);
      }
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.#writing = false;
      this.#schedule();
    }
  }
}
