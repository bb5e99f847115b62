import {
  bigserial,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { events } from './events.ts';
import { people } from './people.ts';
import { rooms } from './rooms.ts';
import { agendaItems } from './agenda.ts';

export const phaseStatusEnum = pgEnum('phase_status', ['draft', 'open', 'closed']);
export const assignmentSourceEnum = pgEnum('assignment_source', ['self', 'pre', 'auto', 'manual']);

/** A working-group phase: its groups, its duration, and — while open — its deadline. */
export const phases = pgTable(
  'phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    status: phaseStatusEnum('status').notNull().default('draft'),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Attendees may pick their group themselves (first come, up to capacity). */
    selfSelect: boolean('self_select').notNull().default(true),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    /** When the phase closes by itself; any node may close it once this has passed. */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Since when the groups' results are shown in the plenary; null while hidden. */
    resultsShownAt: timestamp('results_shown_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.eventId),
    // At most one open phase per event: everyone is in exactly one place.
    uniqueIndex('phases_one_open')
      .on(t.eventId)
      .where(sql`${t.status} = 'open'`),
    index('phases_open_deadline')
      .on(t.deadlineAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const phaseRooms = pgTable(
  'phase_rooms',
  {
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.roomId] })],
);

/** Who is in which group of a phase, and how they got there. */
export const assignments = pgTable(
  'assignments',
  {
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    source: assignmentSourceEnum('source').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.personId] }), index().on(t.roomId)],
);

/** A group's results notes (Markdown); `version` guards against silent overwrites. */
export const groupNotes = pgTable(
  'group_notes',
  {
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    body: text('body').notNull().default(''),
    version: integer('version').notNull().default(0),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.roomId] })],
);

/** A group's call for help; stays listed (open or done) so that no call gets lost on a reload. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Marked done: when and by whom; both null while the group still waits. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [index().on(t.phaseId)],
);
