import { and, desc, eq, like, lt } from 'drizzle-orm';
import type { AuditArea, AuditPage } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, people } from '../../db/schema/index.ts';
import { cell, wallClock } from './attendance.ts';
import { targetNameOf, targetNames } from './target-names.ts';

export interface AuditEntry {
  eventId: string | null;
  actorId: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Written inside the same transaction as the change it records. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry) {
  await db.insert(auditLog).values({
    eventId: entry.eventId,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details ?? {},
  });
}

function recordedName(details: Record<string, unknown>): string | null {
  const name = details.name ?? details.title;
  return typeof name === 'string' && name !== '' ? name : null;
}

/** A page of the event's audit log, newest first, with the actors' display names. */
export async function listAudit(
  db: DbOrTx,
  eventId: string,
  page: { before?: number; limit: number; area?: AuditArea },
): Promise<AuditPage> {
  const rows = await db
    .select({ entry: auditLog, actorName: people.displayName })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.eventId, eventId),
        page.before ? lt(auditLog.id, page.before) : undefined,
        // The area is one of a fixed list of plain words: nothing in it LIKE would read as a pattern.
        page.area ? like(auditLog.action, `${page.area}.%`) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const names = await targetNames(
    db,
    shown.map(({ entry }) => entry),
  );
  const entries = shown.map(({ entry, actorName }) => ({
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    target: entry.target,
    // A deleted target's name as it was, where its service recorded it.
    targetName: targetNameOf(names, entry) ?? recordedName(entry.details),
    details: entry.details,
    actor: entry.actorId ? { id: entry.actorId, displayName: actorName ?? '' } : null,
  }));
  return {
    entries,
    nextBefore: rows.length > page.limit ? (entries.at(-1)?.id ?? null) : null,
  };
}

/** At most this many entries in one CSV export: a whole day's log, not an unbounded one. */
export const auditCsvMax = 20_000;

/**
 * The whole log as CSV for German spreadsheets, oldest first: time on the event's wall clock,
 * who, the action's code, what it was about (by name where there is one), the details.
 */
export async function auditCsv(db: DbOrTx, event: { id: string; timeZone: string }) {
  const { entries } = await listAudit(db, event.id, { limit: auditCsvMax });
  const lines = [['Zeitpunkt', 'Wer', 'Aktion', 'Betrifft', 'Einzelheiten']];
  for (const e of entries.reverse()) {
    lines.push([
      wallClock(e.at, event.timeZone),
      e.actor ? e.actor.displayName || '(gelöscht)' : 'System',
      e.action,
      e.targetName ?? e.target ?? '',
      Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
    ]);
  }
  return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
