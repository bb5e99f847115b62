import { useMemo } from 'react';
import type { AgendaItem } from '@plenum/shared';
import { useNow } from '../../app/useNow.ts';
import { liveItemIds } from '../agenda/agenda.ts';
import type { PresenceMap } from '../presence/presence.ts';
import { stageSpeakerIds } from './stage-speakers.ts';

/** The person ids the stage prefers now (see stage-speakers.ts), stable while they stay the same. */
export function useStageSpeakers(
  agenda: readonly AgendaItem[],
  presence: PresenceMap,
): ReadonlySet<string> {
  const now = useNow();
  const live = liveItemIds(agenda, now);
  const ids = [
    ...stageSpeakerIds(
      agenda.filter((i) => live.has(i.id)),
      presence.values(),
    ),
  ];
  const joined = ids.sort().join(',');
  return useMemo(() => new Set(joined ? joined.split(',') : []), [joined]);
}
