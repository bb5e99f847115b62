import * as Y from 'yjs';
import type { NotesDoc, NotesPresence } from '@plenum/shared';
import { NOTES_TEXT_NAME, notesLimits } from '@plenum/shared/limits';
import type { ConnectionState, Realtime } from '../../lib/socket.ts';
import { fromBase64, toBase64 } from '../../lib/base64.ts';
import { isRealtimeError } from '../../lib/socket.ts';
import { lineAt } from './text-binding.ts';

/**
 * One live notes document kept in sync with the server over the event's socket, without React:
 * opened with the state vector (the server sends what is missing, we send what it lacks — edits
 * made offline), local edits batched into one `notes:update` per interval and kept until
 * acknowledged, others' edits applied as they come, one's cursor sent at most every so often,
 * and who else is writing. After every reconnect the document is opened again: nothing typed is
 * lost.
 */

export type SyncStatus =
  | 'loading'
  /** Everything typed is stored on the server. */
  | 'saved'
  | 'sending'
  /** No connection: what is typed waits. */
  | 'offline'
  | 'failed';

export interface SyncSnapshot {
  status: SyncStatus;
  canWrite: boolean;
  /** Others with a cursor in the document, per person. */
  writers: NotesPresence[];
  /** The document in use; a new one after the server refused an edit (the text was reloaded). */
  doc: Y.Doc;
  /** The last edit would have made the notes too long: it was dropped (until the next edit). */
  full: boolean;
}

/** What the session needs of the socket (the page's Realtime is one). */
export type NotesTransport = Pick<
  Realtime,
  'request' | 'on' | 'subscribe' | 'getState' | 'onResync'
>;

export const REMOTE = 'server';

/** One string per document: the plenary's, or a group's in a phase. */
export const docKey = (doc: NotesDoc) =>
  doc.kind === 'plenary' ? 'plenary' : `group:${doc.phaseId}:${doc.roomId}`;

export const notesText = (doc: Y.Doc) => doc.getText(NOTES_TEXT_NAME);

/** Who writes where: name and 1-based line of each other writer's caret in this document. */
export function writerLines(doc: Y.Doc, writers: NotesPresence[]) {
  const text = notesText(doc).toString();
  return writers.flatMap((writer) => {
    if (!writer.head) return [];
    let index: number;
    try {
      const position = Y.decodeRelativePosition(fromBase64(writer.head));
      index = Y.createAbsolutePositionFromRelativePosition(position, doc)?.index ?? 0;
    } catch {
      return []; // not a position (the server checks only that it is base64)
    }
    return [{ personId: writer.personId, name: writer.name, index, line: lineAt(text, index) }];
  });
}

export class NotesSession {
  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  /** Local updates the server has not acknowledged yet. */
  private pending: Uint8Array[] = [];
  private sending = false;
  private opened = false;
  private opening = false;
  private reopen = false;
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private cursorDue: { anchor: string | null; head: string | null } | null = null;
  private lastCursorAt = -Infinity;
  private closed = false;
  private readonly key: string;
  /** Where others' edits pass through (the field holds them back during an IME composition). */
  gate: (apply: () => void) => void = (apply) => apply();

  constructor(
    private readonly realtime: NotesTransport,
    readonly ref: NotesDoc,
    private readonly intervals: { update: number; cursor: number } = {
      update: notesLimits.updateIntervalMs,
      cursor: notesLimits.cursorIntervalMs,
    },
  ) {
    this.key = docKey(ref);
    this.snapshot = {
      status: 'loading',
      canWrite: false,
      writers: [],
      doc: this.newDoc(),
      full: false,
    };
    this.stops.push(
      // Applied even before the open's answer: Yjs keeps what it cannot place yet.
      realtime.on('notes:update', ({ doc, update }) => {
        if (docKey(doc) === this.key) this.applyRemote(fromBase64(update));
      }),
      realtime.on('notes:presence', (presence) => {
        if (docKey(presence.doc) !== this.key) return;
        const others = this.snapshot.writers.filter((w) => w.personId !== presence.personId);
        this.update({ writers: presence.head ? [...others, presence] : others });
      }),
      realtime.on('notes:left', ({ doc, personId }) => {
        if (docKey(doc) !== this.key) return;
        this.update({ writers: this.snapshot.writers.filter((w) => w.personId !== personId) });
      }),
      realtime.subscribe(() => this.onConnection(realtime.getState())),
      realtime.onResync(() => this.open()),
    );
    this.onConnection(realtime.getState());
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Where one's selection is (null: not editing); sent at most once per interval, latest wins. */
  cursor(selection: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null) {
    if (!this.snapshot.canWrite) return;
    this.cursorDue = selection
      ? {
          anchor: toBase64(Y.encodeRelativePosition(selection.anchor)),
          head: toBase64(Y.encodeRelativePosition(selection.head)),
        }
      : { anchor: null, head: null };
    if (this.cursorTimer !== undefined) return;
    const wait = Math.max(0, this.lastCursorAt + this.intervals.cursor - Date.now());
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = undefined;
      const due = this.cursorDue;
      this.cursorDue = null;
      if (!due || !this.connected() || this.closed) return;
      this.lastCursorAt = Date.now();
      this.realtime.request('notes:cursor', { doc: this.ref, ...due }).catch(() => {});
    }, wait);
  }

  close() {
    this.closed = true;
    clearTimeout(this.sendTimer);
    clearTimeout(this.cursorTimer);
    for (const stop of this.stops) stop();
    if (this.connected()) this.realtime.request('notes:close', { doc: this.ref }).catch(() => {});
    this.snapshot.doc.destroy();
    this.listeners.clear();
  }

  private newDoc(): Y.Doc {
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || doc !== this.snapshot?.doc) return;
      this.pending.push(update);
      this.update({ full: false });
      this.scheduleSend();
    });
    return doc;
  }

  private connected() {
    return this.realtime.getState().status === 'connected';
  }

  private onConnection(state: ConnectionState) {
    if (state.status === 'connected') this.open();
    else if (this.opened) {
      this.opened = false;
      this.update({ status: 'offline', writers: [] });
    }
  }

  private applyRemote(update: Uint8Array) {
    const doc = this.snapshot.doc;
    this.gate(() => {
      if (doc === this.snapshot.doc) Y.applyUpdate(doc, update, REMOTE);
    });
  }

  /** Opens (or reopens) the document; a second call while one runs opens once more after it. */
  private open() {
    if (this.opening) return void (this.reopen = true);
    this.opening = true;
    void this.openOnce().finally(() => {
      this.opening = false;
      const again = this.reopen && !this.closed;
      this.reopen = false;
      if (again) this.open();
    });
  }

  private async openOnce() {
    const doc = this.snapshot.doc;
    try {
      const reply = await this.realtime.request('notes:open', {
        doc: this.ref,
        stateVector: toBase64(Y.encodeStateVector(doc)),
      });
      if (this.closed || doc !== this.snapshot.doc) return;
      this.applyRemote(fromBase64(reply.update));
      // The queue holds every edit not acknowledged as stored (offline ones too), in pieces that
      // fit a message. With nothing queued, what the server still lacks (it lost an edit) goes.
      const missing = Y.encodeStateAsUpdate(doc, fromBase64(reply.stateVector));
      if (this.pending.length === 0 && missing.length > 2) this.pending = [missing];
      this.opened = true;
      this.update({ canWrite: reply.canWrite, writers: reply.writers });
      this.updateStatus();
      this.scheduleSend(0);
    } catch (error) {
      if (this.closed) return;
      if (isRealtimeError(error, 'forbidden') || isRealtimeError(error, 'not_found')) {
        this.update({ status: 'failed', canWrite: false });
      } else if (this.connected()) {
        // No answer in time: try again in a moment.
        this.update({ status: 'failed' });
        setTimeout(() => {
          if (this.connected() && !this.opened && !this.closed) this.open();
        }, 2000);
      }
    }
  }

  private scheduleSend(wait: number = this.intervals.update) {
    if (this.sendTimer !== undefined || this.closed) return;
    this.updateStatus();
    this.sendTimer = setTimeout(() => {
      this.sendTimer = undefined;
      void this.send();
    }, wait);
  }

  private async send() {
    if (this.sending || !this.opened || !this.connected() || this.pending.length === 0) {
      return this.updateStatus();
    }
    const doc = this.snapshot.doc;
    const batch = this.takeBatch();
    this.sending = true;
    this.updateStatus();
    let retry: number = this.intervals.update;
    try {
      await this.realtime.request('notes:update', { doc: this.ref, update: toBase64(batch) });
    } catch (error) {
      const tooMuch =
        isRealtimeError(error, 'conflict') || isRealtimeError(error, 'validation_failed');
      if (tooMuch || isRealtimeError(error, 'forbidden')) {
        // Too long or too big, or no longer allowed (the phase closed): the server's text is
        // the truth.
        this.sending = false;
        return this.restart(tooMuch);
      }
      // Kept, in order, for the next try (or the next open, which sends it anyway).
      if (doc === this.snapshot.doc) this.pending.unshift(batch);
      if (isRealtimeError(error, 'rate_limited')) retry = 2000;
    }
    this.sending = false;
    if (this.pending.length > 0) this.scheduleSend(retry);
    else this.updateStatus();
  }

  /** The queued updates merged into one message; the first half of them while that is too big. */
  private takeBatch(): Uint8Array {
    let count = this.pending.length;
    let merged = Y.mergeUpdates(this.pending);
    while (count > 1 && Math.ceil(merged.length / 3) * 4 > notesLimits.updateMax) {
      count = Math.ceil(count / 2);
      merged = Y.mergeUpdates(this.pending.slice(0, count));
    }
    this.pending = this.pending.slice(count);
    return merged;
  }

  /** Drops local state the server refused and loads its text into a fresh document. */
  private restart(full: boolean) {
    const old = this.snapshot.doc;
    this.pending = [];
    this.opened = false;
    this.update({ doc: this.newDoc(), status: 'loading', full });
    old.destroy();
    this.open();
  }

  private updateStatus() {
    if (!this.opened) return;
    const busy = this.sending || this.pending.length > 0;
    this.update({ status: busy ? 'sending' : 'saved' });
  }

  private update(change: Partial<SyncSnapshot>) {
    const keys = Object.keys(change) as (keyof SyncSnapshot)[];
    if (keys.every((key) => change[key] === this.snapshot[key])) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
