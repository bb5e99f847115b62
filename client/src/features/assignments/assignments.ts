import type { Assignment } from '@plenum/shared';
import type { PresenceMap } from '../presence/presence.ts';

/**
 * Who is in which group of a phase (and who is not yet), and what the server said of CSV rows it
 * could not match. Pure, kept current by the console.
 */

export interface AssignmentRow {
  personId: string;
  displayName: string;
  /** null: not in any group of this phase yet. */
  roomId: string | null;
  source: Assignment['source'] | null;
  online: boolean;
}

/**
 * Everyone who can be put in a group: the assigned (from the server) and every other member the
 * presence list knows, except those left out (oneself, the groups' moderators). Sorted by name.
 */
export function assignmentRows(
  assignments: readonly Assignment[],
  presence: PresenceMap,
  leaveOut: ReadonlySet<string>,
): AssignmentRow[] {
  const rows = new Map<string, AssignmentRow>();
  for (const a of assignments) {
    rows.set(a.personId, {
      personId: a.personId,
      displayName: a.displayName,
      roomId: a.roomId,
      source: a.source,
      online: presence.get(a.personId)?.online ?? false,
    });
  }
  for (const person of presence.values()) {
    if (rows.has(person.personId) || leaveOut.has(person.personId)) continue;
    rows.set(person.personId, {
      personId: person.personId,
      displayName: person.displayName,
      roomId: null,
      source: null,
      online: person.online,
    });
  }
  return [...rows.values()].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, 'de', { sensitivity: 'base' }),
  );
}

/** Rows whose name contains the query, ignoring case and accents ("muller" finds "Müller"). */
export function filterRows(rows: readonly AssignmentRow[], query: string): AssignmentRow[] {
  const fold = (text: string) =>
    text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
  const wanted = fold(query.trim());
  if (wanted === '') return [...rows];
  return rows.filter((r) => fold(r.displayName).includes(wanted));
}

export type UnmatchedReason =
  | { key: 'noGroup'; group: string }
  | { key: 'ambiguousName' }
  | { key: 'unknownPerson' }
  | { key: 'groupFull'; group: string }
  | { key: 'other'; text: string };

/** The server's reason for an unmatched CSV row (English), as something to say in German too. */
export function unmatchedReason(reason: string): UnmatchedReason {
  const noGroup = /^no working group named "(.*)"$/.exec(reason);
  if (noGroup) return { key: 'noGroup', group: noGroup[1]! };
  if (reason.startsWith('several people have this name')) return { key: 'ambiguousName' };
  if (reason.startsWith('no participant with this')) return { key: 'unknownPerson' };
  const full = /^(.*) is full$/.exec(reason);
  if (full) return { key: 'groupFull', group: full[1]! };
  return { key: 'other', text: reason };
}
