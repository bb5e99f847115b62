import type { AgendaItem, Event, Me, Phase, Role, Room } from '@plenum/shared';
import { useLoad } from '../../app/useLoad.ts';
import { api } from '../../lib/api.ts';
import { requestEarlyToken } from '../rooms/early-token.ts';

/** The room a page connects to first (as EventLive picks it); the early token is asked for it. */
export const plenaryOf = (rooms: Room[]): Room | undefined =>
  rooms.find((r) => r.kind === 'plenary') ?? rooms[0];

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
  // All at once, and the plenary's token as soon as the rooms are known (rooms/early-token.ts):
  // one round trip instead of three before the stage can connect.
  const rest = Promise.all([
    api.event(slug, signal),
    api.agenda(slug, signal),
    api.rooms(slug, signal).then((rooms) => {
      const plenary = plenaryOf(rooms);
      if (plenary) requestEarlyToken(plenary.id);
      return rooms;
    }),
    api.phases(slug, signal),
  ]);
  // /api/me's error wins: without a session the others fail too, and less clearly.
  rest.catch(() => undefined);
  const me = await api.me(signal);
  const [event, agenda, rooms, phases] = await rest;
  const role = me.memberships.find((m) => m.eventId === event.id)?.role ?? null;
  return { me, event, role, agenda, rooms, phases };
}

export function useEventOverview(slug: string) {
  return useLoad(slug, (signal) => loadOverview(slug, signal));
}
