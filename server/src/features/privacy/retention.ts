import { eq, sql } from 'drizzle-orm';
import type { PrivacySettings, PrivacySettingsPatch } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { eventPrivacy } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/service.ts';

export async function getPrivacySettings(db: Db, eventId: string): Promise<PrivacySettings> {
  const [row] = await db.select().from(eventPrivacy).where(eq(eventPrivacy.eventId, eventId));
  return {
    chatRetentionDays: row?.chatRetentionDays ?? null,
    notesRetentionDays: row?.notesRetentionDays ?? null,
  };
}

export async function updatePrivacySettings(
  db: Db,
  eventId: string,
  patch: PrivacySettingsPatch,
  actorId: string,
): Promise<PrivacySettings> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventPrivacy)
      .values({ eventId, ...patch, updatedBy: actorId })
      .onConflictDoUpdate({
        target: eventPrivacy.eventId,
        set: { ...patch, updatedBy: actorId, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, { eventId, actorId, action: 'privacy.update', details: patch });
    return {
      chatRetentionDays: row!.chatRetentionDays,
      notesRetentionDays: row!.notesRetentionDays,
    };
  });
}

/** At most this many rows of each kind go per statement, so no run holds its locks for long. */
export const RETENTION_BATCH = 5000;

export interface RetentionResult {
  eventId: string;
  chatMessages: number;
  notes: number;
}

/**
 * Deletes, in one statement, chat messages and announcements older than their event's chat
 * retention and notes last edited before its notes retention, and writes one audit entry per
 * event with the counts (never the content). Chat messages have no dependent rows today; a table
 * that references them must cascade.
 *
 * Safe on several nodes at once: the rows are locked with SKIP LOCKED, so two runs never wait for
 * or deadlock on each other, each row is deleted (and counted) by exactly one of them, and a run
 * that finds nothing left writes no audit entry.
 */
export async function deleteExpired(db: Db, batch = RETENTION_BATCH): Promise<RetentionResult[]> {
  const result = await db.execute(sql`
    with doomed_chat as (
      select m.id from chat_messages m
      join event_privacy p on p.event_id = m.event_id
      where p.chat_retention_days is not null
        and m.created_at < now() - make_interval(days => p.chat_retention_days)
      limit ${batch}
      for update of m skip locked
    ),
    chat as (
      delete from chat_messages m using doomed_chat d where m.id = d.id
      returning m.event_id
    ),
    doomed_notes as (
      select n.phase_id, n.room_id, ph.event_id from group_notes n
      join phases ph on ph.id = n.phase_id
      join event_privacy p on p.event_id = ph.event_id
      where p.notes_retention_days is not null
        and greatest(n.updated_at, (
          select max(u.created_at) from note_docs nd join note_updates u on u.doc_key = nd.key
          where nd.phase_id = n.phase_id and nd.room_id = n.room_id
        )) < now() - make_interval(days => p.notes_retention_days)
      limit ${batch}
      for update of n skip locked
    ),
    notes as (
      delete from group_notes n using doomed_notes d
      where n.phase_id = d.phase_id and n.room_id = d.room_id
      returning d.event_id
    ),
    -- The live document goes with the text it materializes (updates cascade).
    note_docs_gone as (
      delete from note_docs nd using doomed_notes d
      where nd.phase_id = d.phase_id and nd.room_id = d.room_id
    ),
    counts as (
      select event_id,
        count(*) filter (where kind = 'chat')::int as chat,
        count(*) filter (where kind = 'notes')::int as notes
      from (
        select event_id, 'chat' as kind from chat
        union all select event_id, 'notes' as kind from notes
      ) deleted
      group by event_id
    )
    insert into audit_log (event_id, action, details)
    select event_id, 'privacy.retention', jsonb_build_object('chatMessages', chat, 'notes', notes)
    from counts
    returning event_id::text as "eventId",
      (details->>'chatMessages')::int as "chatMessages",
      (details->>'notes')::int as notes`);
  return (result as unknown as { rows: RetentionResult[] }).rows;
}

/** Runs batches until nothing expired is left; returns the totals per event. */
export async function runRetention(db: Db, batch = RETENTION_BATCH) {
  const totals = new Map<string, RetentionResult>();
  for (;;) {
    const rows = await deleteExpired(db, batch);
    for (const row of rows) {
      const total = totals.get(row.eventId) ?? { eventId: row.eventId, chatMessages: 0, notes: 0 };
      total.chatMessages += row.chatMessages;
      total.notes += row.notes;
      totals.set(row.eventId, total);
    }
    // A batch that came back full may have left more behind.
    const sum = (k: 'chatMessages' | 'notes') => rows.reduce((n, r) => n + r[k], 0);
    if (sum('chatMessages') < batch && sum('notes') < batch) break;
  }
  return [...totals.values()];
}
