/** Where a span of presence comes from: the person's socket in the room, or their LiveKit media. */
export type PresenceSource = 'socket' | 'media';

export interface SourcedSpan {
  joinedAt: Date;
  leftAt: Date | null;
  source: PresenceSource;
}

/**
 * The union of spans as disjoint [from, to) pairs in milliseconds, earliest first; open spans run
 * to `now`. A person with a socket and media in the same room at once is there once.
 */
export function mergeSpans(
  spans: readonly Pick<SourcedSpan, 'joinedAt' | 'leftAt'>[],
  now: Date,
): [number, number][] {
  const sorted = spans
    .map((s) => [s.joinedAt.getTime(), (s.leftAt ?? now).getTime()] as [number, number])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

const minutesOf = (merged: [number, number][]) =>
  Math.round(merged.reduce((sum, [from, to]) => sum + to - from, 0) / 60_000);

/** Minutes present in a room by any source, and of those the minutes with media. */
export function presenceMinutes(spans: readonly SourcedSpan[], now: Date) {
  return {
    totalMinutes: minutesOf(mergeSpans(spans, now)),
    mediaMinutes: minutesOf(
      mergeSpans(
        spans.filter((s) => s.source === 'media'),
        now,
      ),
    ),
  };
}
