import { z } from 'zod';
import { NOTES_TEXT_NAME, notesLimits } from '../limits/limits.ts';

/**
 * Live-edited notes: one Yjs document per working group and phase, and one plenary document per
 * event. The document holds one `Y.Text` named `body` (Markdown). Binary Yjs data (updates, state
 * vectors, relative positions) travels as standard base64 (RFC 4648, with padding).
 */

/** The name of the document's one Y.Text (defined in limits, zod-free, for the client). */
export { NOTES_TEXT_NAME };

const base64 = (max: number) =>
  z
    .string()
    .max(max, { message: `at most ${max} base64 characters` })
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, {
      message: 'must be base64',
    });

/** A Yjs update (Y.encodeStateAsUpdate / the doc's 'update' event), base64. Never empty. */
export const NotesUpdateData = base64(notesLimits.updateMax).min(4);
/** A Yjs state vector (Y.encodeStateVector), base64; '' is allowed for "I have nothing". */
export const NotesStateVector = base64(notesLimits.stateVectorMax);
/** An encoded Y.RelativePosition (Y.encodeRelativePosition), base64. */
export const NotesPosition = base64(notesLimits.positionMax).min(4);

/**
 * Which document: a working group's in one phase, or the plenary's of the socket's event.
 */
export const NotesDoc = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), phaseId: z.uuid(), roomId: z.uuid() }).strict(),
  z.object({ kind: z.literal('plenary') }).strict(),
]);
export type NotesDoc = z.infer<typeof NotesDoc>;

/** `notes:open`: start following a document; `stateVector` is what the client has (may be ''). */
export const NotesOpenInput = z.object({ doc: NotesDoc, stateVector: NotesStateVector }).strict();
export type NotesOpenInput = z.infer<typeof NotesOpenInput>;

/** `notes:update`: the client's edits (one update, or several merged with Y.mergeUpdates). */
export const NotesUpdateInput = z.object({ doc: NotesDoc, update: NotesUpdateData }).strict();
export type NotesUpdateInput = z.infer<typeof NotesUpdateInput>;

/** `notes:cursor`: where the person's selection is (null, null: not editing right now). */
export const NotesCursorInput = z
  .object({ doc: NotesDoc, anchor: NotesPosition.nullable(), head: NotesPosition.nullable() })
  .strict();
export type NotesCursorInput = z.infer<typeof NotesCursorInput>;

/** `notes:close`: stop following the document. */
export const NotesCloseInput = z.object({ doc: NotesDoc }).strict();
export type NotesCloseInput = z.infer<typeof NotesCloseInput>;

/** Someone writing in a document: the name is the server's (from the session), never the client's. */
export const NotesPresence = z.object({
  doc: NotesDoc,
  personId: z.uuid(),
  name: z.string(),
  anchor: z.string().nullable(),
  head: z.string().nullable(),
  /** Server time (ISO) the cursor arrived. */
  at: z.string(),
});
export type NotesPresence = z.infer<typeof NotesPresence>;

/** The `notes:open` ack: what the client lacks, and what the server has. */
export interface NotesOpened {
  /** Apply with Y.applyUpdate: everything the server has that the client's state vector lacks. */
  update: string;
  /** The server's state vector: send Y.encodeStateAsUpdate(doc, it) as `notes:update` if not empty. */
  stateVector: string;
  /** Whether this person may write now (false: read-only, updates would be `forbidden`). */
  canWrite: boolean;
  /** The others with a cursor in this document now (all nodes), latest per person. */
  writers: NotesPresence[];
}

/** `notes:update` from the server: someone else's stored edits. */
export interface NotesUpdateBroadcast {
  doc: NotesDoc;
  update: string;
}

/** `notes:left`: the person closed the document (or their connection) and writes no more. */
export interface NotesLeft {
  doc: NotesDoc;
  personId: string;
}
