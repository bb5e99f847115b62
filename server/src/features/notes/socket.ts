import {
  NotesCloseInput,
  NotesCursorInput,
  NotesOpenInput,
  NotesUpdateInput,
  type NotesDoc,
  type NotesPresence,
} from '@plenum/shared';
import * as Y from 'yjs';
import { AppError } from '../../lib/app-error.ts';
import { onEvent, type EventContext } from '../../realtime/on-event.ts';
import type { RateLimiter } from '../../realtime/rate-limit.ts';
import type { PlenumServer, PlenumSocket, Realtime } from '../../realtime/types.ts';
import { notesRights, requireRead, requireWrite, type NotesRights } from './access.ts';
import { docRef, docTarget, notesRoom, type DocTarget } from './keys.ts';
import type { NotesStore } from './store.ts';

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** The client's state vector ('' for "nothing yet"); refused unless Yjs can read it. */
function stateVectorOf(b64: string): Uint8Array {
  if (b64 === '') return Y.encodeStateVector(new Y.Doc());
  const vector = fromBase64(b64);
  try {
    Y.decodeStateVector(vector);
  } catch {
    throw new AppError(
      'validation_failed',
      'Invalid input — stateVector: not a Yjs state vector',
      400,
      {
        stateVector: 'not a Yjs state vector',
      },
    );
  }
  return vector;
}
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Rights change rarely, edits come often: a socket reuses its answer per document this long. */
const RIGHTS_TTL_MS = 2_000;

/**
 * The notes documents over the socket. `notes:open` checks the rights, joins the document's
 * audience (`notes:<key>`) and answers what the client lacks; `notes:update` stores an update
 * (acknowledged after the commit) and sends it to the audience but the sender; cursors and
 * departures go to the audience and are never stored. A socket's cursors live in `socket.data`,
 * so that `fetchSockets()` on any node lists who writes.
 */
export function notesHandlers(store: NotesStore, limiter: RateLimiter) {
  return (rt: Realtime, socket: PlenumSocket) => {
    const target = (doc: NotesDoc, ctx: EventContext) => docTarget(doc, ctx.eventId);
    const plenaryId = socket.data.plenaryId;
    const rightsCache = new Map<string, { rights: NotesRights; at: number }>();
    /** The socket's rights on a document, read afresh at most every RIGHTS_TTL_MS. */
    const rightsOn = async (doc: DocTarget, ctx: EventContext, fresh = false) => {
      const cached = rightsCache.get(doc.key);
      // Out of the audience (moved, removed, the phase closed): ask again at once.
      const reuse = !fresh && cached && socket.rooms.has(notesRoom(doc.key));
      if (reuse && Date.now() - cached.at < RIGHTS_TTL_MS) return cached.rights;
      const rights = await notesRights(rt.db, ctx.actor, doc, plenaryId);
      rightsCache.set(doc.key, { rights, at: Date.now() });
      return rights;
    };

    onEvent(rt, socket, 'notes:open', NotesOpenInput, async (input, ctx) => {
      const doc = target(input.doc, ctx);
      requireRead(doc, await rightsOn(doc, ctx, true));
      const room = notesRoom(doc.key);
      // Join before reading: what is stored after the read arrives as a broadcast.
      await socket.join(room);
      // A move that committed meanwhile may have emptied the audience before this join.
      const rights = await rightsOn(doc, ctx, true);
      if (!rights.read) {
        await socket.leave(room);
        throw new AppError('forbidden', 'You no longer belong to this working group.');
      }
      const [{ update, stateVector }, writers] = await Promise.all([
        store.sync(doc, stateVectorOf(input.stateVector)),
        writersOf(rt.io, doc, socket.id),
      ]);
      return {
        update: toBase64(update),
        stateVector: toBase64(stateVector),
        canWrite: rights.write,
        writers,
      };
    });

    onEvent(rt, socket, 'notes:update', NotesUpdateInput, async (input, ctx) => {
      const doc = target(input.doc, ctx);
      requireWrite(doc, await rightsOn(doc, ctx));
      if (!(await limiter.hit(ctx.person.id))) {
        throw new AppError('rate_limited', 'You are sending edits too quickly; please wait.');
      }
      await store.append(doc, fromBase64(input.update), ctx.person.id);
      // Stored: now (and only now) the others hear of it, on every node.
      socket
        .to(notesRoom(doc.key))
        .emit('notes:update', { doc: docRef(doc), update: input.update });
      return {};
    });

    onEvent(rt, socket, 'notes:cursor', NotesCursorInput, async (input, ctx) => {
      const doc = target(input.doc, ctx);
      requireRead(doc, await rightsOn(doc, ctx));
      const room = notesRoom(doc.key);
      const at = new Date().toISOString();
      socket.data.notes = {
        ...socket.data.notes,
        [doc.key]: { anchor: input.anchor, head: input.head, at },
      };
      const presence: NotesPresence = {
        doc: docRef(doc),
        personId: ctx.person.id,
        name: ctx.person.displayName,
        anchor: input.anchor,
        head: input.head,
        at,
      };
      socket.to(room).emit('notes:presence', presence);
      return {};
    });

    onEvent(rt, socket, 'notes:close', NotesCloseInput, async (input, ctx) => {
      leaveDoc(rt.io, socket, target(input.doc, ctx));
      return {};
    });

    // Before Socket.IO keeps the rooms for a recovery: a recovered socket is in no document (the
    // client opens them again), so it is never handed updates of a group it was moved out of.
    socket.on('disconnecting', () => {
      for (const name of [...socket.rooms]) {
        const doc = name.startsWith('notes:')
          ? targetOfKey(name.slice(6), socket.data.eventId)
          : null;
        if (doc) leaveDoc(rt.io, socket, doc);
      }
    });
  };
}

function leaveDoc(io: PlenumServer, socket: PlenumSocket, doc: DocTarget) {
  const room = notesRoom(doc.key);
  if (!socket.rooms.has(room)) return;
  void socket.leave(room);
  if (socket.data.notes) delete socket.data.notes[doc.key];
  io.to(room)
    .except(socket.id)
    .emit('notes:left', { doc: docRef(doc), personId: socket.data.personId });
}

/** Who has a cursor in the document now, on every node; the latest per person. */
async function writersOf(io: PlenumServer, doc: DocTarget, self: string): Promise<NotesPresence[]> {
  const sockets = await io.in(notesRoom(doc.key)).fetchSockets();
  const latest = new Map<string, NotesPresence>();
  for (const s of sockets) {
    const cursor = s.data.notes?.[doc.key];
    if (s.id === self || !cursor) continue;
    const known = latest.get(s.data.personId);
    if (known && known.at >= cursor.at) continue;
    latest.set(s.data.personId, {
      doc: docRef(doc),
      personId: s.data.personId,
      name: s.data.displayName,
      ...cursor,
    });
  }
  return [...latest.values()];
}

/** The document a `notes:` room stands for. */
export function targetOfKey(key: string, eventId: string): DocTarget | null {
  const [kind, a, b] = key.split(':');
  if (kind === 'group' && a && b) return { kind, key, eventId, phaseId: a, roomId: b };
  if (kind === 'plenary' && a === eventId) return { kind, key, eventId };
  return null;
}
