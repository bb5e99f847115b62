import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { rolesThatMay, type PreassignmentReport } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assignments, memberships, people } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import { balance } from './balance.ts';
import { decodeSpreadsheetText, readPreassignments } from './csv.ts';
import { findPhase, phaseGroups, type PhaseRow } from './repository.ts';

type Source = (typeof assignments.$inferInsert)['source'];

interface PlaceTaken {
  outcome: 'no_group' | 'unchanged' | 'has_group' | 'full' | 'assigned';
  previous_room_id: string | null;
  group_name: string | null;
  group_capacity: number | null;
}

/**
 * One statement (migration 0012's `take_group_place`): the group's row lock, the count and the
 * insert run inside Postgres, so no connection waits on a lock held across round trips and no
 * group ends up over its capacity.
 */
async function takeGroupPlace(
  db: DbOrTx,
  input: { phaseId: string; personId: string; roomId: string; source: Source },
  refuseChange: boolean,
) {
  const result = await db.execute(sql`
    select * from take_group_place(${input.phaseId}::uuid, ${input.personId}::uuid,
      ${input.roomId}::uuid, ${input.source}::assignment_source, ${refuseChange})`);
  const [place] = (result as unknown as { rows: PlaceTaken[] }).rows;
  switch (place!.outcome) {
    case 'no_group':
      throw new AppError('not_found', 'This working group is not part of the phase.');
    case 'has_group':
      throw new AppError(
        'conflict',
        'The phase is running; please ask the organizers to move you.',
      );
    case 'full':
      throw new AppError(
        'conflict',
        `${place!.group_name} is full (${place!.group_capacity} places).`,
      );
  }
  return { previousRoomId: place!.previous_room_id, changed: place!.outcome === 'assigned' };
}

/**
 * Puts a person into a group if it has room: self-select (first come) and the organizer's move
 * alike. Returns the room the person was in before (null if none). A choice of one's own is one
 * statement after the phase is known (`phase` from the caller's access check saves reading it
 * again); a move is a transaction with its audit entry.
 */
export async function assignToGroup(
  db: Db,
  input: { phaseId: string; personId: string; roomId: string; source: Source; actorId: string },
  loaded?: PhaseRow,
) {
  const phase = loaded?.id === input.phaseId ? loaded : await findPhase(db, input.phaseId);
  if (phase.status === 'closed') throw new AppError('conflict', 'This phase is closed.');
  if (input.source === 'self') {
    if (!phase.selfSelect) {
      throw new AppError('forbidden', 'In this phase the organizers assign the groups.');
    }
    // The chooser's own membership was checked by the caller (findPhaseAndActor) when loaded.
    if (!loaded || input.personId !== input.actorId) await requireMember(db, phase, input.personId);
    const placed = await takeGroupPlace(db, input, phase.status === 'open');
    return { phase, ...placed };
  }
  return db.transaction(async (tx) => {
    await requireMember(tx, phase, input.personId);
    const placed = await takeGroupPlace(tx, input, false);
    if (placed.changed) {
      await recordAudit(tx, {
        eventId: phase.eventId,
        actorId: input.actorId,
        action: 'assignment.move',
        target: input.personId,
        details: { phaseId: phase.id, from: placed.previousRoomId, to: input.roomId },
      });
    }
    return { phase, ...placed };
  });
}

async function requireMember(db: DbOrTx, phase: PhaseRow, personId: string) {
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.eventId, phase.eventId), eq(memberships.personId, personId)));
  if (!member) throw new AppError('not_found', 'Person not found in this event');
}

async function assign(
  tx: DbOrTx,
  phaseId: string,
  personId: string,
  roomId: string,
  source: Source,
) {
  await tx
    .insert(assignments)
    .values({ phaseId, personId, roomId, source })
    .onConflictDoUpdate({
      target: [assignments.phaseId, assignments.personId],
      set: { roomId, source, assignedAt: new Date() },
    });
}

/** Attendees and speakers not yet in a group, spread evenly within capacity. */
export async function autoBalance(tx: DbOrTx, phase: PhaseRow) {
  const groups = await phaseGroups(tx, phase.id);
  const moderators = new Set(groups.flatMap((g) => g.moderatorIds));
  const assigned = tx
    .select({ personId: assignments.personId })
    .from(assignments)
    .where(eq(assignments.phaseId, phase.id));
  const waiting = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.eventId, phase.eventId),
        inArray(memberships.role, rolesThatMay('phase.participate')),
        notInArray(memberships.personId, assigned),
      ),
    )
    .orderBy(memberships.createdAt);
  const people = waiting.map((w) => w.personId).filter((id) => !moderators.has(id));
  const { placed, unplaced } = balance(groups, people);
  if (placed.size) {
    // Two array parameters, not 4 per row: a 1000-row VALUES list took drizzle and Postgres
    // several times longer to build and parse than the rows take to store.
    await tx.execute(sql`
      insert into ${assignments} (phase_id, person_id, room_id, source)
      select ${phase.id}, placed.person_id, placed.room_id, 'auto'
      from unnest(${sql.param([...placed.keys()])}::uuid[], ${sql.param([...placed.values()])}::uuid[])
        as placed(person_id, room_id)
      on conflict do nothing`);
  }
  return { placed: placed.size, unplaced };
}

export async function balanceNow(db: Db, phaseId: string, actorId: string) {
  return db.transaction(async (tx) => {
    const phase = await findPhase(tx, phaseId, { forUpdate: true });
    if (phase.status === 'closed') throw new AppError('conflict', 'This phase is closed.');
    const result = await autoBalance(tx, phase);
    await recordAudit(tx, {
      eventId: phase.eventId,
      actorId,
      action: 'assignment.balance',
      target: phaseId,
      details: result,
    });
    return result;
  });
}

/**
 * Pre-assignment from a spreadsheet: people matched by e-mail, else by a unique display name;
 * groups by name. Rows that match nothing are reported, not guessed. All or nothing.
 */
export async function importPreassignments(
  db: Db,
  phaseId: string,
  bytes: Uint8Array,
  actorId: string,
): Promise<PreassignmentReport> {
  let rows;
  try {
    rows = readPreassignments(decodeSpreadsheetText(bytes));
  } catch (err) {
    throw new AppError('bad_request', (err as Error).message);
  }
  return db.transaction(async (tx) => {
    const phase = await findPhase(tx, phaseId, { forUpdate: true });
    if (phase.status === 'closed') throw new AppError('conflict', 'This phase is closed.');
    const groups = await phaseGroups(tx, phase.id);
    const members = await tx
      .select({ personId: people.id, displayName: people.displayName, email: people.email })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(eq(memberships.eventId, phase.eventId));
    const byEmail = new Map(
      members.filter((m) => m.email).map((m) => [m.email!.toLowerCase(), m.personId]),
    );
    const byName = new Map<string, string[]>();
    for (const m of members) {
      const key = m.displayName.trim().toLocaleLowerCase('de');
      byName.set(key, [...(byName.get(key) ?? []), m.personId]);
    }
    const load = new Map(groups.map((g) => [g.roomId, g.assigned]));
    const unmatched: PreassignmentReport['unmatched'] = [];
    let assigned = 0;
    for (const row of rows) {
      const text = [row.name, row.email, row.group].filter(Boolean).join('; ');
      const group = groups.find(
        (g) => g.name.trim().toLocaleLowerCase('de') === row.group.toLocaleLowerCase('de'),
      );
      if (!group) {
        unmatched.push({ line: row.line, text, reason: `no working group named "${row.group}"` });
        continue;
      }
      const named = byName.get(row.name.toLocaleLowerCase('de')) ?? [];
      const personId =
        (row.email && byEmail.get(row.email)) || (named.length === 1 ? named[0] : undefined);
      if (!personId) {
        unmatched.push({
          line: row.line,
          text,
          reason:
            named.length > 1
              ? 'several people have this name; add the e-mail'
              : 'no participant with this e-mail or name',
        });
        continue;
      }
      if (group.capacity !== null && (load.get(group.roomId) ?? 0) >= group.capacity) {
        unmatched.push({ line: row.line, text, reason: `${group.name} is full` });
        continue;
      }
      await assign(tx, phase.id, personId, group.roomId, 'pre');
      load.set(group.roomId, (load.get(group.roomId) ?? 0) + 1);
      assigned++;
    }
    await recordAudit(tx, {
      eventId: phase.eventId,
      actorId,
      action: 'assignment.import',
      target: phaseId,
      details: { assigned, unmatched: unmatched.length },
    });
    return { assigned, unmatched };
  });
}
