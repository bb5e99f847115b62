import type { AgendaItem, Event, Me, Phase, Role, Room } from '@plenum/shared';
import { useLoad } from '../../app/useLoad.ts';
import { api } from '../../lib/api.ts';

export interface EventOverview {
  me: Me;
  event: Event;
  /** The person's role in this event; null if /api/me does not list it (should not happen). */
  role: Role | null;
  agenda: AgendaItem[];
  rooms: Room[];
  phases: Phase[];
}

async function loadOverview(slug: string, signal: AbortSignal): Promise<EventOverview> {
  // /api/me first: without a session the others would fail too, and less clearly.
  const me = await api.me(signal);
  const [event, agenda, rooms, phases] = await Promise.all([
    api.event(slug, signal),
    api.agenda(slug, signal),
    api.rooms(slug, signal),
    api.phases(slug, signal),
  ]);
  const role = me.memberships.find((m) => m.eventId === event.id)?.role ?? null;
  return { me, event, role, agenda, rooms, phases };
}

export function useEventOverview(slug: string) {
  return useLoad(slug, (signal) => loadOverview(slug, signal));
}
