/**
 * Converts a wall-clock time in a time zone ("2026-03-29T09:00" in Europe/Berlin) to the UTC
 * instant, daylight-saving correct, with Intl only (no time-zone database of our own).
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const asUtc = new Date(`${local}:00Z`);
  if (Number.isNaN(asUtc.getTime())) throw new Error(`not a local date-time: ${local}`);
  // Two passes settle the offset even next to a daylight-saving switch.
  let guess = asUtc.getTime() - offsetMs(asUtc, timeZone);
  guess = asUtc.getTime() - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** How far the zone's wall clock is ahead of UTC at an instant. */
export function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
