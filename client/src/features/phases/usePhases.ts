import { useState } from 'react';
import type { Phase } from '@plenum/shared';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';

/** The event's working-group phases, kept current by `phase:updated` (open, extend, close). */
export function usePhases(initial: Phase[]): Phase[] {
  const [phases, setPhases] = useState(initial);
  useServerEvent('phase:updated', (phase) =>
    setPhases((current) => [phase, ...current.filter((p) => p.id !== phase.id)]),
  );
  return phases;
}
