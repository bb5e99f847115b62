import type { HelpRequest } from '@plenum/shared';

/**
 * The help worklist of organizers and moderators: loaded from the server (`help:list`), kept
 * current by `help:requested` and `help:updated`. Open calls come first, newest first in each
 * part, so that nothing waiting slips below what is done.
 */

const isOpen = (r: HelpRequest) => r.resolvedAt === null;

export function sortHelpRequests(requests: readonly HelpRequest[]): HelpRequest[] {
  return [...requests].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.id - a.id);
}

/** A request from the server put in place of the one with its id (a newer state wins). */
export function upsertHelpRequest(
  requests: readonly HelpRequest[],
  request: HelpRequest,
): HelpRequest[] {
  const known = requests.find((r) => r.id === request.id);
  // Done never turns open again: a late `help:requested` must not undo a `help:updated`.
  if (known && !isOpen(known) && isOpen(request)) return [...requests];
  return sortHelpRequests([request, ...requests.filter((r) => r.id !== request.id)]);
}

export function splitHelpRequests(requests: readonly HelpRequest[]) {
  return { open: requests.filter(isOpen), done: requests.filter((r) => !isOpen(r)) };
}
