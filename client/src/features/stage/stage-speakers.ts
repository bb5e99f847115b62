import type { AgendaItem, Role } from '@plenum/shared';
import { can } from '@plenum/shared/access';

/**
 * Whose video the stage prefers: the live agenda item's speakers who are members (person ids);
 * when the item names none that way, everyone the matrix features on the stage (speakers).
 */
export function stageSpeakerIds(
  liveItems: readonly Pick<AgendaItem, 'speakers'>[],
  people: Iterable<{ personId: string; role?: Role }>,
): Set<string> {
  const named = liveItems.flatMap((item) =>
    item.speakers.flatMap((s) => (s.personId ? [s.personId] : [])),
  );
  if (named.length > 0) return new Set(named);
  return new Set(
    [...people]
      .filter((p) => p.role !== undefined && can(p.role, 'stage.featured'))
      .map((p) => p.personId),
  );
}
