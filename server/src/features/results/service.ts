import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { ResultsGroup, ResultsShown } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { phaseRooms, phases, rooms } from '../../db/schema/index.ts';
import { groupNotesTexts } from '../notes/repository.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import { phasesNow, type PhaseRow } from '../phases/repository.ts';

/**
 * The groups of a phase with their notes, in the order the console lists the rooms. The text is
 * the live-edited document's as stored now (a group that never opened one keeps its saved notes).
 */
export async function groupsWithNotes(db: DbOrTx, phaseId: string): Promise<ResultsGroup[]> {
  const [rows, texts] = await Promise.all([
    db
      .select({ roomId: rooms.id, name: rooms.name })
      .from(phaseRooms)
      .innerJoin(rooms, eq(rooms.id, phaseRooms.roomId))
      .where(eq(phaseRooms.phaseId, phaseId))
      .orderBy(asc(rooms.position), asc(rooms.name)),
    groupNotesTexts(db, phaseId),
  ]);
  return rows.map((r) => ({ ...r, body: texts.get(r.roomId)?.trim() ?? '' }));
}

async function resultsOf(db: DbOrTx, phase: PhaseRow, shownAt: Date): Promise<ResultsShown> {
  return {
    phaseId: phase.id,
    title: phase.title,
    shownAt: shownAt.toISOString(),
    groups: await groupsWithNotes(db, phase.id),
  };
}

/**
 * Shows a closed phase's results in the plenary; whatever was shown before gives way (one set
 * of results beside the stage at a time). Stored before anyone hears of it.
 */
export async function showResults(db: Db, phase: PhaseRow, actorId: string) {
  if (phase.status !== 'closed') {
    throw new AppError('conflict', 'Results are shown once the phase is closed.');
  }
  return db.transaction(async (tx) => {
    const shownAt = new Date();
    await tx
      .update(phases)
      .set({ resultsShownAt: null })
      .where(
        and(
          eq(phases.eventId, phase.eventId),
          ne(phases.id, phase.id),
          isNotNull(phases.resultsShownAt),
        ),
      );
    await tx.update(phases).set({ resultsShownAt: shownAt }).where(eq(phases.id, phase.id));
    await recordAudit(tx, {
      eventId: phase.eventId,
      actorId,
      action: 'results.show',
      target: phase.id,
    });
    return resultsOf(tx, phase, shownAt);
  });
}

/** Takes the phase's results off the plenary; hiding what is not shown changes nothing. */
export async function hideResults(db: Db, phase: PhaseRow, actorId: string) {
  return db.transaction(async (tx) => {
    const hidden = await tx
      .update(phases)
      .set({ resultsShownAt: null })
      .where(and(eq(phases.id, phase.id), isNotNull(phases.resultsShownAt)))
      .returning({ id: phases.id });
    if (hidden.length > 0) {
      await recordAudit(tx, {
        eventId: phase.eventId,
        actorId,
        action: 'results.hide',
        target: phase.id,
      });
    }
    return { changed: hidden.length > 0 };
  });
}

/** What the plenary shows now; null when nothing is shown. */
export async function currentResults(db: DbOrTx, eventId: string): Promise<ResultsShown | null> {
  return shownResultsOf(db, (await phasesNow(db, eventId)).resultsShown);
}

/** The results a phase row (read already) has on show, or null. */
export async function shownResultsOf(
  db: DbOrTx,
  phase: PhaseRow | null,
): Promise<ResultsShown | null> {
  return phase?.resultsShownAt ? resultsOf(db, phase, phase.resultsShownAt) : null;
}
