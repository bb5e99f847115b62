export interface GroupLoad {
  roomId: string;
  /** null: no limit. */
  capacity: number | null;
  assigned: number;
}

/**
 * Spreads people over groups so that group sizes differ by at most one where capacity allows:
 * each next person goes to the group with the fewest members that still has room (ties: the
 * order the groups were given in). People who fit nowhere are returned as `unplaced`.
 */
export function balance(groups: GroupLoad[], personIds: string[]) {
  const loads = groups.map((g) => ({ ...g }));
  const placed = new Map<string, string>();
  const unplaced: string[] = [];
  for (const personId of personIds) {
    let best: (typeof loads)[number] | undefined;
    for (const g of loads) {
      if (g.capacity !== null && g.assigned >= g.capacity) continue;
      if (!best || g.assigned < best.assigned) best = g;
    }
    if (!best) {
      unplaced.push(personId);
      continue;
    }
    best.assigned++;
    placed.set(personId, best.roomId);
  }
  return { placed, unplaced };
}
