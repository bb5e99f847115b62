import { and, desc, eq, like, lt } from 'drizzle-orm';
import type { AuditArea, AuditPage } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, people } from '../../db/schema/index.ts';

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
  const entries = rows.slice(0, page.limit).map(({ entry, actorName }) => ({
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    target: entry.target,
    details: entry.details,
    actor: entry.actorId ? { id: entry.actorId, displayName: actorName ?? '' } : null,
  }));
  return {
    entries,
    nextBefore: rows.length > page.limit ? (entries.at(-1)?.id ?? null) : null,
  };
}
