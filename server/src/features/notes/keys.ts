import type { NotesDoc } from '@plenum/shared';

/**
 * A notes document as the server knows it: its key in `note_docs`, and where it belongs. The
 * client names a group document by phase and room, the plenary one by nothing (its event is the
 * socket's).
 */
export type DocTarget =
  | { kind: 'group'; key: string; eventId: string; phaseId: string; roomId: string }
  | { kind: 'plenary'; key: string; eventId: string };

export const groupDocKey = (phaseId: string, roomId: string) => `group:${phaseId}:${roomId}`;
export const plenaryDocKey = (eventId: string) => `plenary:${eventId}`;

export function docTarget(doc: NotesDoc, eventId: string): DocTarget {
  return doc.kind === 'group'
    ? { ...doc, key: groupDocKey(doc.phaseId, doc.roomId), eventId }
    : { kind: 'plenary', key: plenaryDocKey(eventId), eventId };
}

/** The document as the client names it, for broadcasts. */
export const docRef = (target: DocTarget): NotesDoc =>
  target.kind === 'group'
    ? { kind: 'group', phaseId: target.phaseId, roomId: target.roomId }
    : { kind: 'plenary' };

/** The Socket.IO room of a document's audience: the sockets that opened it and may read it. */
export const notesRoom = (key: string) => `notes:${key}`;
