import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { NOTES_TEXT_NAME } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { groupNotes, noteDocs, noteUpdates } from '../../db/schema/index.ts';
import type { DocTarget } from './keys.ts';

/** The stored state of a document beyond what a reader already has (`after`: a seq it holds). */
export interface StoredState {
  seq: number;
  snapshotSeq: number;
  /** Present when the reader is behind the snapshot (its rows are gone). */
  snapshot: Uint8Array | null;
  updates: { seq: number; update: Uint8Array }[];
}

export const textOf = (doc: Y.Doc) => doc.getText(NOTES_TEXT_NAME).toString();

/**
 * Makes the document's row if it has none. A group's first document starts from the notes saved
 * before live editing (group_notes.body), seeded as the document's first update; whichever node
 * inserts the row seeds, in the same transaction, so the text appears exactly once.
 */
export async function ensureDoc(db: DbOrTx, target: DocTarget): Promise<void> {
  const [exists] = await db
    .select({ key: noteDocs.key })
    .from(noteDocs)
    .where(eq(noteDocs.key, target.key));
  if (exists) return;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(noteDocs)
      .values({
        key: target.key,
        eventId: target.eventId,
        phaseId: target.kind === 'group' ? target.phaseId : null,
        roomId: target.kind === 'group' ? target.roomId : null,
      })
      .onConflictDoNothing()
      .returning({ key: noteDocs.key });
    if (inserted.length === 0 || target.kind !== 'group') return;
    // The group_notes row stays as the document's materialized text (retention dates from it).
    const [legacy] = await tx
      .insert(groupNotes)
      .values({ phaseId: target.phaseId, roomId: target.roomId })
      .onConflictDoUpdate({
        target: [groupNotes.phaseId, groupNotes.roomId],
        set: { body: sql`${groupNotes.body}` },
      })
      .returning({ body: groupNotes.body });
    if (!legacy?.body) return;
    const seed = new Y.Doc();
    seed.getText(NOTES_TEXT_NAME).insert(0, legacy.body);
    await tx.update(noteDocs).set({ seq: 1 }).where(eq(noteDocs.key, target.key));
    await tx
      .insert(noteUpdates)
      .values({ docKey: target.key, seq: 1, update: Y.encodeStateAsUpdate(seed), personId: null });
  });
}

/** What the document holds beyond seq `after` (read inside one snapshot of the database). */
export async function readState(db: DbOrTx, key: string, after: number): Promise<StoredState> {
  const [row] = await db
    .select({
      seq: noteDocs.seq,
      snapshotSeq: noteDocs.snapshotSeq,
      snapshot: sql<Uint8Array | null>`case when ${noteDocs.snapshotSeq} > ${after}
        then ${noteDocs.snapshot} end`,
    })
    .from(noteDocs)
    .where(eq(noteDocs.key, key));
  if (!row) return { seq: 0, snapshotSeq: 0, snapshot: null, updates: [] };
  const updates = await db
    .select({ seq: noteUpdates.seq, update: noteUpdates.update })
    .from(noteUpdates)
    .where(and(eq(noteUpdates.docKey, key), gt(noteUpdates.seq, after)))
    .orderBy(asc(noteUpdates.seq));
  return { ...row, snapshot: row.snapshot ? toBytes(row.snapshot) : null, updates };
}

/** readState inside one snapshot of the database: a compaction between its reads hides nothing. */
export function readStateAtOnce(db: Db, key: string, after: number): Promise<StoredState> {
  return db.transaction((tx) => readState(tx, key, after), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

/** Applies stored state to a document (Yjs updates are idempotent: overlaps do no harm). */
export function applyState(doc: Y.Doc, state: StoredState) {
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, toBytes(u.update));
}

/**
 * Appends an update as the document's next seq in one statement (its own transaction): taking the
 * seq locks the row until the commit, so appends to one document commit in seq order, and wait
 * for a compaction. Returns the seq, or null when the document is gone.
 */
export async function appendNext(
  db: DbOrTx,
  key: string,
  update: Uint8Array,
  personId: string | null,
): Promise<number | null> {
  const result = await db.execute(sql`
    with next as (
      update note_docs set seq = seq + 1 where key = ${key} returning seq
    )
    insert into note_updates (doc_key, seq, update, person_id)
    select ${key}, seq, ${Buffer.from(update)}, ${personId} from next
    returning seq`);
  const [row] = (result as unknown as { rows: { seq: number }[] }).rows;
  return row ? Number(row.seq) : null;
}

/**
 * Merges a document's updates into its snapshot and deletes them, when more than `threshold` have
 * gathered. The row lock (FOR UPDATE) makes a second compactor — on this node or another — wait and
 * then find nothing to do, and holds appends back for the moment it takes. The text is written to
 * group_notes.body as well, for whoever reads the table directly.
 */
export async function compact(db: DbOrTx, key: string, threshold: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(noteDocs).where(eq(noteDocs.key, key)).for('update');
    if (!row || row.seq - row.snapshotSeq < threshold) return false;
    const doc = new Y.Doc();
    applyState(doc, {
      seq: row.seq,
      snapshotSeq: row.snapshotSeq,
      snapshot: row.snapshot ? toBytes(row.snapshot) : null,
      updates: await tx
        .select({ seq: noteUpdates.seq, update: noteUpdates.update })
        .from(noteUpdates)
        .where(and(eq(noteUpdates.docKey, key), lte(noteUpdates.seq, row.seq)))
        .orderBy(asc(noteUpdates.seq)),
    });
    await tx
      .update(noteDocs)
      .set({ snapshot: Y.encodeStateAsUpdate(doc), snapshotSeq: row.seq })
      .where(eq(noteDocs.key, key));
    await tx
      .delete(noteUpdates)
      .where(and(eq(noteUpdates.docKey, key), lte(noteUpdates.seq, row.seq)));
    if (row.phaseId && row.roomId) await materialize(tx, row.phaseId, row.roomId, textOf(doc));
    doc.destroy();
    return true;
  });
}

async function materialize(tx: DbOrTx, phaseId: string, roomId: string, body: string) {
  await tx
    .insert(groupNotes)
    .values({ phaseId, roomId, body })
    .onConflictDoUpdate({
      target: [groupNotes.phaseId, groupNotes.roomId],
      set: { body, version: sql`${groupNotes.version} + 1`, updatedAt: sql`now()` },
    });
}

/**
 * The Markdown text of every group's notes in a phase, read from the stored Yjs state (a group
 * whose document was never opened keeps its group_notes.body). For results and exports.
 */
export async function groupNotesTexts(db: DbOrTx, phaseId: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const [legacy, docs] = await Promise.all([
    db
      .select({ roomId: groupNotes.roomId, body: groupNotes.body })
      .from(groupNotes)
      .where(eq(groupNotes.phaseId, phaseId)),
    db
      .select({ key: noteDocs.key, roomId: noteDocs.roomId, snapshot: noteDocs.snapshot })
      .from(noteDocs)
      .where(eq(noteDocs.phaseId, phaseId)),
  ]);
  for (const row of legacy) texts.set(row.roomId, row.body);
  if (docs.length === 0) return texts;
  const updates = await db
    .select({ docKey: noteUpdates.docKey, update: noteUpdates.update })
    .from(noteUpdates)
    .where(
      inArray(
        noteUpdates.docKey,
        docs.map((d) => d.key),
      ),
    )
    .orderBy(asc(noteUpdates.seq));
  for (const d of docs) {
    const doc = new Y.Doc();
    if (d.snapshot) Y.applyUpdate(doc, toBytes(d.snapshot));
    for (const u of updates) if (u.docKey === d.key) Y.applyUpdate(doc, toBytes(u.update));
    texts.set(d.roomId!, textOf(doc));
    doc.destroy();
  }
  return texts;
}

/** node-postgres gives Buffers, PGlite Uint8Arrays; both are Uint8Arrays. */
function toBytes(value: Uint8Array | string): Uint8Array {
  if (typeof value === 'string') {
    // A driver without bytea parsing hands out the hex form.
    return Buffer.from(value.startsWith('\\x') ? value.slice(2) : value, 'hex');
  }
  return value;
}
