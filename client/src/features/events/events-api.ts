import type { Event } from '@plenum/shared';
import { eventPath, send } from '../../lib/request.ts';

/** The event's own privacy notice and imprint; null gives the instance's back. */
export interface EventLinksBody {
  privacyUrl: string | null;
  imprintUrl: string | null;
}

/** The organizer's calls for the event itself. */
export const eventsApi = {
  updateLinks: (slug: string, body: EventLinksBody) =>
    send<Event>('PATCH', eventPath(slug), { json: body }),
};
