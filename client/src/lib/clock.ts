/**
 * The server's clock as seen from here. Live markers and, later, countdowns must follow server
 * time: a laptop clock a few minutes off would otherwise mark the wrong agenda item as live.
 * The offset is estimated from the HTTP `Date` header of every API answer.
 */
let offsetMs = 0;

/** `Date` has whole seconds, so the server's true time lies within the following second. */
export function estimateOffset(
  dateHeader: string,
  sentAt: number,
  receivedAt: number,
): number | null {
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return null;
  return serverMs + 500 - (sentAt + receivedAt) / 2;
}

export function noteServerDate(
  dateHeader: string | null,
  sentAt: number,
  receivedAt: number,
): void {
  if (!dateHeader) return;
  const estimate = estimateOffset(dateHeader, sentAt, receivedAt);
  if (estimate !== null) offsetMs = estimate;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}
