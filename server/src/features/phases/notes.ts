import { and, eq } from 'drizzle-orm';
import type { Notes } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { groupNotes, people, phaseRooms, rooms } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { groupNotesTexts } from '../notes/repository.ts';

export async function assertGroupOfPhase(db: DbOrTx, phaseId: string, roomId: string) {
  const [row] = await db
    .select({ name: rooms.name })
    .from(phaseRooms)
    .innerJoin(rooms, eq(rooms.id, phaseRooms.roomId))
    .where(and(eq(phaseRooms.phaseId, phaseId), eq(phaseRooms.roomId, roomId)));
  if (!row) throw new AppError('not_found', 'This working group is not part of the phase.');
  return row;
}

/**
 * A group's notes as one text: the live-edited document's (features/notes) as stored now. The
 * version and the last author are those of group_notes, the text materialized on compaction (and
 * the notes saved before live editing); nobody saves whole versions any more.
 */
export async function getNotes(db: DbOrTx, phaseId: string, roomId: string): Promise<Notes> {
  const [[row], texts] = await Promise.all([
    db
      .select({ notes: groupNotes, author: people.displayName })
      .from(groupNotes)
      .leftJoin(people, eq(people.id, groupNotes.updatedBy))
      .where(and(eq(groupNotes.phaseId, phaseId), eq(groupNotes.roomId, roomId))),
    groupNotesTexts(db, phaseId),
  ]);
  return {
    phaseId,
    roomId,
    body: texts.get(roomId) ?? '',
    version: row?.notes.version ?? 0,
    updatedAt: row?.notes.updatedAt.toISOString() ?? null,
    updatedBy: row?.author ?? null,
  };
}
