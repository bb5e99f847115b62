import { and, eq, sql } from 'drizzle-orm';
import type { Notes } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { groupNotes, people, phaseRooms, rooms } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';

type NotesRow = typeof groupNotes.$inferSelect;

const toNotes = (
  phaseId: string,
  roomId: string,
  row?: NotesRow,
  updatedBy?: string | null,
): Notes => ({
  phaseId,
  roomId,
  body: row?.body ?? '',
  version: row?.version ?? 0,
  updatedAt: row?.updatedAt.toISOString() ?? null,
  updatedBy: updatedBy ?? null,
});

async function readNotes(db: DbOrTx, phaseId: string, roomId: string) {
  const [row] = await db
    .select({ notes: groupNotes, author: people.displayName })
    .from(groupNotes)
    .leftJoin(people, eq(people.id, groupNotes.updatedBy))
    .where(and(eq(groupNotes.phaseId, phaseId), eq(groupNotes.roomId, roomId)));
  return toNotes(phaseId, roomId, row?.notes, row?.author);
}

export async function assertGroupOfPhase(db: DbOrTx, phaseId: string, roomId: string) {
  const [row] = await db
    .select({ name: rooms.name })
    .from(phaseRooms)
    .innerJoin(rooms, eq(rooms.id, phaseRooms.roomId))
    .where(and(eq(phaseRooms.phaseId, phaseId), eq(phaseRooms.roomId, roomId)));
  if (!row) throw new AppError('not_found', 'This working group is not part of the phase.');
  return row;
}

export const getNotes = readNotes;

/**
 * Saves a group's notes if nobody saved since the editor loaded them (optimistic versioning):
 * a concurrent edit is refused with 409 and the newer text, never silently overwritten.
 */
export async function saveNotes(
  db: Db,
  input: { phaseId: string; roomId: string; body: string; baseVersion: number; personId: string },
) {
  return db.transaction(async (tx) => {
    await assertGroupOfPhase(tx, input.phaseId, input.roomId);
    const values = { body: input.body, updatedBy: input.personId, updatedAt: new Date() };
    const updated =
      input.baseVersion === 0
        ? await tx
            .insert(groupNotes)
            .values({ phaseId: input.phaseId, roomId: input.roomId, ...values, version: 1 })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(groupNotes)
            .set({ ...values, version: sql`${groupNotes.version} + 1` })
            .where(
              and(
                eq(groupNotes.phaseId, input.phaseId),
                eq(groupNotes.roomId, input.roomId),
                eq(groupNotes.version, input.baseVersion),
              ),
            )
            .returning();
    if (updated.length === 0) {
      const current = await readNotes(tx, input.phaseId, input.roomId);
      throw new AppError(
        'conflict',
        `Someone else saved these notes in the meantime (${current.updatedBy ?? 'unknown'}). Please merge your text with version ${current.version}.`,
      );
    }
    return readNotes(tx, input.phaseId, input.roomId);
  });
}
