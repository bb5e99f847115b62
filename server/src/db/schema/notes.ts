import { customType, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef } from './columns.ts';
import { events } from './events.ts';
import { people } from './people.ts';
import { phases } from './phases.ts';
import { rooms } from './rooms.ts';

/** Binary data as Postgres stores it (node-postgres gives Buffers, PGlite Uint8Arrays). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * A live-edited notes document (Yjs): one per working group and phase (`group:<phase>:<room>`),
 * one per event's plenary (`plenary:<event>`). `seq` is the last update appended; taking it
 * (`seq = seq + 1`) locks the row, so updates of one document commit in seq order. `snapshot` is
 * the merged state of every update up to `snapshot_seq` (compaction deletes those rows).
 */
export const noteDocs = pgTable(
  'note_docs',
  {
    key: text('key').primaryKey(),
    eventId: cascadeRef('event_id', () => events.id),
    phaseId: uuid('phase_id').references(() => phases.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull().default(0),
    snapshot: bytea('snapshot'),
    snapshotSeq: integer('snapshot_seq').notNull().default(0),
    createdAt: createdNow('created_at'),
  },
  (t) => [index().on(t.eventId), index().on(t.phaseId)],
);

/**
 * One stored Yjs update, appended in the transaction that acknowledges it. `person_id` is who
 * sent it (null: seeded by the server, or the person was erased); compaction merges the rows into
 * the document's snapshot, which names nobody.
 */
export const noteUpdates = pgTable(
  'note_updates',
  {
    docKey: text('doc_key')
      .notNull()
      .references(() => noteDocs.key, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    update: bytea('update').notNull(),
    personId: setNullRef('person_id', () => people.id),
    createdAt: createdNow('created_at'),
  },
  (t) => [primaryKey({ columns: [t.docKey, t.seq] }), index().on(t.personId)],
);
