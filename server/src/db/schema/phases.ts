import {
  bigserial,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cascadeRef, createdNow, setNullRef, timestamptz } from './columns.ts';
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
    eventId: cascadeRef('event_id', () => events.id),
    agendaItemId: setNullRef('agenda_item_id', () => agendaItems.id),
    title: text('title').notNull(),
    status: phaseStatusEnum('status').notNull().default('draft'),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Attendees may pick their group themselves (first come, up to capacity). */
    selfSelect: boolean('self_select').notNull().default(true),
    openedAt: timestamptz('opened_at'),
    /** When the phase closes by itself; any node may close it once this has passed. */
    deadlineAt: timestamptz('deadline_at'),
    closedAt: timestamptz('closed_at'),
    /** Since when the groups' results are shown in the plenary; null while hidden. */
    resultsShownAt: timestamptz('results_shown_at'),
    createdAt: createdNow('created_at'),
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
    phaseId: cascadeRef('phase_id', () => phases.id),
    roomId: cascadeRef('room_id', () => rooms.id),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.roomId] })],
);

/** Who is in which group of a phase, and how they got there. */
export const assignments = pgTable(
  'assignments',
  {
    phaseId: cascadeRef('phase_id', () => phases.id),
    personId: cascadeRef('person_id', () => people.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    source: assignmentSourceEnum('source').notNull(),
    assignedAt: createdNow('assigned_at'),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.personId] }), index().on(t.roomId)],
);

/** A group's results notes (Markdown); `version` guards against silent overwrites. */
export const groupNotes = pgTable(
  'group_notes',
  {
    phaseId: cascadeRef('phase_id', () => phases.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    body: text('body').notNull().default(''),
    version: integer('version').notNull().default(0),
    updatedBy: setNullRef('updated_by', () => people.id),
    updatedAt: createdNow('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.roomId] })],
);

/** A group's call for help; stays listed (open or done) so that no call gets lost on a reload. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phaseId: cascadeRef('phase_id', () => phases.id),
    roomId: cascadeRef('room_id', () => rooms.id),
    personId: setNullRef('person_id', () => people.id),
    message: text('message').notNull().default(''),
    createdAt: createdNow('created_at'),
    /** Marked done: when and by whom; both null while the group still waits. */
    resolvedAt: timestamptz('resolved_at'),
    resolvedBy: setNullRef('resolved_by', () => people.id),
  },
  (t) => [index().on(t.phaseId)],
);
