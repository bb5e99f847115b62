import * as Y from 'yjs';
import { NOTES_MAX_LENGTH, NOTES_TEXT_NAME } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/app-error.ts';
import type { DocTarget } from './keys.ts';
import { appendNext, applyState, compact, ensureDoc, readStateAtOnce } from './repository.ts';

interface Entry {
  doc: Y.Doc;
  /** Every stored update up to this seq is in `doc`, and nothing that was not stored. */
  seq: number;
  usedAt: number;
}

export interface NotesStoreOptions {
  /** Updates gathered before they are merged into the snapshot. */
  compactAfter?: number;
  /** Documents kept in memory per node (least recently used go first). */
  maxCached?: number;
}

/**
 * The node's view of the notes documents: Postgres is the truth, memory a cache. Each document
 * is a Y.Doc holding exactly the stored updates up to `seq`; before use it reads what other nodes
 * appended since. Work on one document runs one at a time on this node (a queue per key); across
 * nodes the document row's lock orders the appends.
 */
export class NotesStore {
  private readonly entries = new Map<string, Entry>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly compactAfter: number;
  private readonly maxCached: number;
  /** Compactions started after an append, for tests and for a closing node to wait for. */
  readonly compactions = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    options: NotesStoreOptions = {},
  ) {
    this.compactAfter = options.compactAfter ?? 200;
    this.maxCached = options.maxCached ?? 500;
  }

  /**
   * What a client with `clientVector` lacks, and the server's state vector. Makes the document
   * (seeded from the saved notes) on its first open.
   */
  sync(target: DocTarget, clientVector: Uint8Array) {
    return this.caughtUp(target, (doc) => ({
      update: Y.encodeStateAsUpdate(doc, clientVector),
      stateVector: Y.encodeStateVector(doc),
    }));
  }

  /** The document's text as stored now (results, the REST read, tests). */
  text(target: DocTarget): Promise<string> {
    return this.caughtUp(target, (doc) => doc.getText(NOTES_TEXT_NAME).toString());
  }

  private async caughtUp<T>(target: DocTarget, read: (doc: Y.Doc) => T): Promise<T> {
    await this.ensure(target);
    return this.run(target.key, async (entry) => {
      // One snapshot of the database: a compaction between the two reads would hide rows.
      const state = await readStateAtOnce(this.db, target.key, entry.seq);
      applyState(entry.doc, state);
      entry.seq = Math.max(entry.seq, state.seq);
      return read(entry.doc);
    });
  }

  /** Keys whose row this node has seen (a row goes only with its phase, room or event). */
  private readonly known = new Set<string>();
  private async ensure(target: DocTarget) {
    if (this.known.has(target.key)) return;
    await ensureDoc(this.db, target);
    this.known.add(target.key);
  }

  /**
   * Stores one client update; resolves once it is committed. Refused when it is no Yjs update or
   * when it would make the text longer than NOTES_MAX_LENGTH (deleting is always allowed).
   */
  async append(target: DocTarget, update: Uint8Array, personId: string): Promise<void> {
    try {
      Y.decodeUpdate(update);
    } catch {
      throw new AppError('validation_failed', 'Invalid input — update: not a Yjs update', 400, {
        update: 'not a Yjs update',
      });
    }
    await this.ensure(target);
    const seq = await this.run(target.key, async (entry) => {
      // The size is checked on this node's copy, which holds everything stored up to entry.seq
      // (all of this node's appends: they run one at a time here); an edit made on another node
      // in the same moment may pass the limit by what it adds.
      const text = entry.doc.getText(NOTES_TEXT_NAME);
      const before = text.length;
      Y.applyUpdate(entry.doc, update);
      try {
        if (text.length > NOTES_MAX_LENGTH && text.length > before) {
          throw new AppError(
            'conflict',
            `The notes are full (at most ${NOTES_MAX_LENGTH} characters); this change was not kept.`,
          );
        }
        const seq = await appendNext(this.db, target.key, update, personId);
        if (seq === null) {
          this.known.delete(target.key);
          throw new AppError('not_found', 'Notes document not found');
        }
        // Others appended meanwhile (another node), or a compaction ran: read what this copy lacks.
        if (seq !== entry.seq + 1)
          applyState(entry.doc, await readStateAtOnce(this.db, target.key, entry.seq));
        entry.seq = seq;
        return seq;
      } catch (err) {
        // The copy holds what was not stored: read it afresh next time.
        this.entries.delete(target.key);
        throw err;
      }
    });
    if (seq % this.compactAfter === 0) this.compactSoon(target.key);
  }

  /** Merges a document's updates into its snapshot now (whichever node gets there first). */
  compact(key: string, threshold = this.compactAfter) {
    return compact(this.db, key, threshold);
  }

  private compactSoon(key: string) {
    const task = this.compact(key)
      .catch(() => false)
      .finally(() => this.compactions.delete(task));
    this.compactions.add(task);
  }

  /** Runs `fn` after the work queued before it on the same document (this node). */
  private run<T>(key: string, fn: (entry: Entry) => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.then(() => fn(this.entryOf(key)));
    const tail = result.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return result;
  }

  private entryOf(key: string): Entry {
    let entry = this.entries.get(key);
    if (entry) {
      // Map order is insertion order: re-inserting marks it as the most recently used.
      this.entries.delete(key);
    } else {
      entry = { doc: new Y.Doc(), seq: 0, usedAt: 0 };
    }
    entry.usedAt = Date.now();
    this.entries.set(key, entry);
    while (this.entries.size > this.maxCached) {
      const [oldest] = this.entries.keys();
      // Not destroyed: work queued on it may still be running; the garbage collector takes it.
      this.entries.delete(oldest!);
    }
    return entry;
  }
}
