import * as Y from 'yjs';
import type { FastifyInstance } from 'fastify';
import { NOTES_TEXT_NAME, type NotesDoc } from '@plenum/shared';
import { docTarget } from '../features/notes/keys.ts';
import { ask, type ClientSocket } from './sockets.ts';

/**
 * Replaces a group's notes text through the live document, as a member's client would: one
 * update that deletes the text and writes `body`, stored with `personId` as its author.
 */
export async function writeGroupNotes(
  app: FastifyInstance,
  at: { eventId: string; phaseId: string; roomId: string; personId: string },
  body: string,
) {
  const target = docTarget({ kind: 'group', phaseId: at.phaseId, roomId: at.roomId }, at.eventId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await app.notes.sync(target, new Uint8Array([0]))).update);
  const before = Y.encodeStateVector(doc);
  const text = doc.getText(NOTES_TEXT_NAME);
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, body);
  });
  await app.notes.append(target, Y.encodeStateAsUpdate(doc, before), at.personId);
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
export const sameDoc = (a: NotesDoc, b: NotesDoc) =>
  a.kind === b.kind &&
  (a.kind === 'plenary' ||
    (b.kind === 'group' && a.phaseId === b.phaseId && a.roomId === b.roomId));

/**
 * A client of one notes document as the contract describes it (docs/realtime.md): a Y.Doc that
 * collects its own edits until `flush` sends them merged, and applies what the server sends.
 */
export class NotesPeer {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText(NOTES_TEXT_NAME);
  private pending: Uint8Array[] = [];
  private socket: ClientSocket | undefined;

  constructor(
    readonly ref: NotesDoc,
    socket?: ClientSocket,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') this.pending.push(update);
    });
    if (socket) this.attach(socket);
  }

  /** Uses this socket from now on (a reconnect is a new socket with the same document). */
  attach(socket: ClientSocket) {
    this.socket = socket;
    socket.on('notes:update', (message) => {
      if (sameDoc(message.doc, this.ref)) {
        Y.applyUpdate(this.doc, fromBase64(message.update), 'server');
      }
    });
  }

  /** notes:open, then what the server lacks goes back (the offline merge). */
  async open() {
    const ack = await ask(this.socket!, 'notes:open', {
      doc: this.ref,
      stateVector: toBase64(Y.encodeStateVector(this.doc)),
    });
    if (!ack.ok) return ack;
    Y.applyUpdate(this.doc, fromBase64(ack.update), 'server');
    const missing = Y.encodeStateAsUpdate(this.doc, fromBase64(ack.stateVector));
    // An update with nothing in it is two zero bytes.
    if (missing.length > 2) this.pending.push(missing);
    return ack;
  }

  /** Sends what was typed since the last flush, as one update. */
  async flush() {
    if (this.pending.length === 0) return { ok: true as const };
    const update = Y.mergeUpdates(this.pending.splice(0));
    const ack = await ask(this.socket!, 'notes:update', {
      doc: this.ref,
      update: toBase64(update),
    });
    if (!ack.ok) this.pending.unshift(update);
    return ack;
  }

  cursor(index: number | null) {
    const pos =
      index === null
        ? null
        : toBase64(
            Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(this.text, index)),
          );
    return ask(this.socket!, 'notes:cursor', { doc: this.ref, anchor: pos, head: pos });
  }

  toString() {
    return this.text.toString();
  }
}

/** Waits until `check` holds (it reads what sockets received), polling briefly. */
export async function eventually(check: () => boolean, what: string, ms = 5_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A real Yjs update, base64: one line typed into a fresh notes document. */
export function notesUpdate(text = 'Notiz') {
  const doc = new Y.Doc();
  doc.getText(NOTES_TEXT_NAME).insert(0, text);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}
