import { timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The column shapes every table repeats. Builders only: they add no table, and the SQL is the
 * same as spelling them out (`npm run db:generate` finds nothing to migrate).
 */

/** A point in time; the schema stores every one with its time zone. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written, set by the database. */
export const createdNow = (name: string) => timestamptz(name).notNull().defaultNow();

/** The row belongs to its parent and goes with it. */
export const cascadeRef = (name: string, parent: () => AnyPgColumn) =>
  uuid(name).notNull().references(parent, { onDelete: 'cascade' });

/** Who or what the row mentions; the row stays, with null, when that goes (an erased person). */
export const setNullRef = (name: string, target: () => AnyPgColumn) =>
  uuid(name).references(target, { onDelete: 'set null' });
