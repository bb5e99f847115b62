import type { Phase } from '@plenum/shared';
import { useRemoteList } from '../../app/useRemoteList.ts';
import { useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { phasesApi } from './phases-api.ts';
import { sortPhases, upsertPhase } from './phases.ts';

/** The event's phases, kept current by `phase:updated` and by the console's own answers. */
export function usePhaseList(slug: string) {
  const list = useRemoteList(`phases:${slug}`, async (signal) =>
    sortPhases(await phasesApi.phases(slug, signal)),
  );
  useServerEvent('phase:updated', (phase) => list.update((phases) => upsertPhase(phases, phase)));
  useResync(list.reload);
  return { ...list, put: (phase: Phase) => list.update((phases) => upsertPhase(phases, phase)) };
}
