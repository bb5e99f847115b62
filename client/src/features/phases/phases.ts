import type { Phase } from '@plenum/shared';

/**
 * What the organizer sees of working-group phases: the phases in a useful order and how full each
 * group is. Pure, kept current by the console.
 */

const statusOrder: Record<Phase['status'], number> = { open: 0, draft: 1, closed: 2 };

/** Open first, then drafts, then closed ones; newest first within each. */
export function sortPhases(phases: readonly Phase[]): Phase[] {
  const time = (p: Phase) => Date.parse(p.closedAt ?? p.openedAt ?? '') || 0;
  return [...phases].sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || time(b) - time(a),
  );
}

/** A phase from `phase:updated` or an answer, put in place of the one with its id. */
export function upsertPhase(phases: readonly Phase[], phase: Phase): Phase[] {
  const index = phases.findIndex((p) => p.id === phase.id);
  if (index === -1) return sortPhases([phase, ...phases]);
  return sortPhases(phases.map((p) => (p.id === phase.id ? phase : p)));
}

/** "12 / 40" or "12" when the group has no limit. */
export function groupLoad(group: Phase['groups'][number]): {
  assigned: number;
  capacity: number | null;
  full: boolean;
} {
  return {
    assigned: group.assigned,
    capacity: group.capacity,
    full: group.capacity !== null && group.assigned >= group.capacity,
  };
}
