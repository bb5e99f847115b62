import { useState } from 'react';
import type { AgendaItem } from '@plenum/shared';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';

/** The agenda as loaded, replaced whole whenever the organizer changes the schedule live. */
export function useLiveAgenda(eventId: string, initial: AgendaItem[]): AgendaItem[] {
  const [items, setItems] = useState(initial);
  useServerEvent('agenda:updated', (update) => {
    if (update.eventId === eventId) setItems(update.items);
  });
  return items;
}
