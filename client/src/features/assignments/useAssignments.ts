import { useEffect, useRef } from 'react';
import { useRemoteList } from '../../app/useRemoteList.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { assignmentsApi } from './assignments-api.ts';

/**
 * Who is in which group of a phase. Reloaded whenever the phase changes (choices, moves,
 * balancing), at most about once a second: 110 people choosing at once are one reload, not 110.
 */
export function useAssignments(phaseId: string) {
  const list = useRemoteList(`assignments:${phaseId}`, (signal) =>
    assignmentsApi.assignments(phaseId, signal),
  );
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useServerEvent('phase:updated', (phase) => {
    if (phase.id !== phaseId || timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      list.reload();
    }, 800);
  });
  return list;
}
