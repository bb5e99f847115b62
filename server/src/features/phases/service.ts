import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { PhaseInput } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { agendaItems, phaseRooms, phases, roomGrants } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import { findEventRooms, findPlenary } from '../rooms/repository.ts';
import { autoBalance } from './assignments.ts';
import { findPhase, type PhaseRow } from './repository.ts';

export async function createPhase(db: Db, eventId: string, input: PhaseInput, actorId: string) {
  return db.transaction(async (tx) => {
    const groups = await findEventRooms(tx, eventId, input.roomIds);
    const unique = [...new Set(input.roomIds)];
    if (groups.length !== unique.length || groups.some((g) => g.kind !== 'working_group')) {
      throw new AppError(
        'validation_failed',
        'Every room of a phase must be a working group of this event.',
        400,
        {
          'body.roomIds': 'unknown room or not a working group',
        },
      );
    }
    if (input.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.eventId, eventId)));
      if (!item) throw new AppError('not_found', 'Agenda item not found');
    }
    const [row] = await tx
      .insert(phases)
      .values({
        eventId,
        title: input.title,
        agendaItemId: input.agendaItemId,
        durationMinutes: input.durationMinutes,
        selfSelect: input.selfSelect,
      })
      .returning();
    await tx.insert(phaseRooms).values(unique.map((roomId) => ({ phaseId: row!.id, roomId })));
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'phase.create',
      target: row!.id,
      details: { ...input },
    });
    return row!;
  });
}

/**
 * Opens a phase: in one transaction everyone not yet in a group is balanced into one, the phase
 * gets its deadline, and plenary promotions end (nobody stays audible there by accident).
 * Moving the clients is the caller's next step, after the commit.
 */
export async function openPhase(db: Db, phaseId: string, actorId: string) {
  return db.transaction(async (tx) => {
    const phase = await findPhase(tx, phaseId, { forUpdate: true });
    if (phase.status !== 'draft') {
      throw new AppError(
        'conflict',
        phase.status === 'open'
          ? 'This phase is open already.'
          : 'This phase is closed; create a new one.',
      );
    }
    const balanced = await autoBalance(tx, phase);
    const [opened] = await tx
      .update(phases)
      .set({
        status: 'open',
        openedAt: sql`now()`,
        deadlineAt: sql`now() + make_interval(mins => ${phase.durationMinutes})`,
      })
      .where(eq(phases.id, phaseId))
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err))
          throw new AppError('conflict', 'Another working-group phase is open in this event.');
        throw err;
      });
    await endPlenaryPromotions(tx, phase.eventId);
    // A new phase makes earlier results old news: the plenary comes back to an empty side panel.
    await tx
      .update(phases)
      .set({ resultsShownAt: null })
      .where(and(eq(phases.eventId, phase.eventId), isNotNull(phases.resultsShownAt)));
    await recordAudit(tx, {
      eventId: phase.eventId,
      actorId,
      action: 'phase.open',
      target: phaseId,
      details: { autoBalanced: balanced.placed, unplaced: balanced.unplaced },
    });
    return { phase: opened!, unplaced: balanced.unplaced };
  });
}

/** Closes an open phase (by hand or at its deadline): exactly once, whoever gets there first. */
export async function closePhase(db: Db, phaseId: string, actorId: string | null) {
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(phases)
      .set({ status: 'closed', closedAt: sql`now()` })
      .where(and(eq(phases.id, phaseId), eq(phases.status, 'open')))
      .returning();
    if (!closed) {
      const phase = await findPhase(tx, phaseId);
      throw new AppError(
        'conflict',
        phase.status === 'closed'
          ? 'This phase is closed already.'
          : 'This phase has not been opened.',
      );
    }
    await endPlenaryPromotions(tx, closed.eventId);
    await recordAudit(tx, {
      eventId: closed.eventId,
      actorId,
      action: 'phase.close',
      target: phaseId,
    });
    return closed;
  });
}

/**
 * Every phase whose deadline has passed, closed by this node. The conditional UPDATE makes it
 * exactly once across nodes: a row another node closed first is simply not returned here.
 */
export async function closeDuePhases(db: Db): Promise<PhaseRow[]> {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(phases)
      .set({ status: 'closed', closedAt: sql`now()` })
      .where(
        and(
          eq(phases.status, 'open'),
          isNotNull(phases.deadlineAt),
          lte(phases.deadlineAt, sql`now()`),
        ),
      )
      .returning();
    for (const phase of closed) {
      await endPlenaryPromotions(tx, phase.eventId);
      await recordAudit(tx, {
        eventId: phase.eventId,
        actorId: null,
        action: 'phase.close',
        target: phase.id,
        details: { by: 'deadline' },
      });
    }
    return closed;
  });
}

export async function extendPhase(db: Db, phaseId: string, minutes: number, actorId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(phases)
      .set({
        deadlineAt: sql`${phases.deadlineAt} + make_interval(mins => ${minutes})`,
        durationMinutes: sql`${phases.durationMinutes} + ${minutes}`,
      })
      .where(and(eq(phases.id, phaseId), eq(phases.status, 'open')))
      .returning();
    if (!row) throw new AppError('conflict', 'Only an open phase can be extended.');
    await recordAudit(tx, {
      eventId: row.eventId,
      actorId,
      action: 'phase.extend',
      target: phaseId,
      details: { minutes },
    });
    return row;
  });
}

/** Plenary speaking rights granted by moderators end when people leave for or return from groups. */
async function endPlenaryPromotions(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  eventId: string,
) {
  const plenary = await findPlenary(tx, eventId);
  await tx
    .update(roomGrants)
    .set({ canPublish: false, updatedAt: new Date() })
    .where(and(eq(roomGrants.roomId, plenary.id), eq(roomGrants.canPublish, true)));
}

function isUniqueViolation(err: unknown) {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
