import type { AgendaItem, Event, Me, Role } from '@plenum/shared';
import { useLoad } from '../../app/useLoad.ts';
import { api } from '../../lib/api.ts';

export interface EventOverview {
  me: Me;
  event: Event;
  /** The person's role in this event; null if /api/me does not list it (should not happen). */
  role: Role | null;
  agenda: AgendaItem[];
}

async function loadOverview(slug: string, signal: AbortSignal): Promise<EventOverview> {
  // /api/me first: without a session the other two would fail too, and less clearly.
  const me = await api.me(signal);
  const [event, agenda] = await Promise.all([api.event(slug, signal), api.agenda(slug, signal)]);
  const role = me.memberships.find((m) => m.eventId === event.id)?.role ?? null;
  return { me, event, role, agenda };
}

export function useEventOverview(slug: string) {
  return useLoad(slug, (signal) => loadOverview(slug, signal));
}
