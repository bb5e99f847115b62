import { useState } from 'react';
import type { HelpRequest } from '@plenum/shared';
import { addHelpRequest } from '../../lib/phase-console.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';

/**
 * Groups asking for help, newest first, until marked done. The page's own help banner already
 * announces each one; this is the organizer's worklist, with a way to go there.
 */
export function useHelpRequests() {
  const [requests, setRequests] = useState<HelpRequest[]>([]);
  useServerEvent('help:requested', (request) =>
    setRequests((current) => addHelpRequest(current, request)),
  );
  return {
    requests,
    done: (id: number) => setRequests((current) => current.filter((r) => r.id !== id)),
  };
}
