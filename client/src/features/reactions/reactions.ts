import { REACTION_LIMIT } from '@plenum/shared/limits';
import type { reactionKinds } from '@plenum/shared/vocab';

export type ReactionKind = (typeof reactionKinds)[number];
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

/** What each kind looks like on the stage; the words come from i18n (`reactions.kinds.*`). */
export const reactionSymbols: Record<ReactionKind, string> = {
  applause: '👏',
  thumbsUp: '👍',
  laugh: '😄',
  plusOne: '+1',
  question: '?',
};

/**
 * The server's limit, kept here too: the menu holds its buttons rather than sending what would be
 * refused (refusals count against the connection's flood guard).
 */
export class ReactionPacer {
  private sent: number[] = [];
  constructor(private readonly limit: { max: number; windowMs: number } = REACTION_LIMIT) {}

  /** Milliseconds until the next reaction may go; 0 when it may go now. */
  waitMs(now = Date.now()): number {
    this.sent = this.sent.filter((t) => t > now - this.limit.windowMs);
    if (this.sent.length < this.limit.max) return 0;
    return this.sent[0]! + this.limit.windowMs - now;
  }

  /** Records a reaction if the limit allows it; false when it does not. */
  take(now = Date.now()): boolean {
    if (this.waitMs(now) > 0) return false;
    this.sent.push(now);
    return true;
  }
}

/** Adds one burst's counts to a running total (for the screen-reader summary). */
export function addCounts(total: ReactionCounts, counts: ReactionCounts): ReactionCounts {
  const next = { ...total };
  for (const [kind, n] of Object.entries(counts) as [ReactionKind, number][]) {
    next[kind] = (next[kind] ?? 0) + n;
  }
  return next;
}

/** Kinds with their counts, most first: "3 × Applaus, 1 × Daumen hoch". */
export function summarize(counts: ReactionCounts, label: (kind: ReactionKind) => string): string {
  return (Object.entries(counts) as [ReactionKind, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} × ${label(kind)}`)
    .join(', ');
}

export interface Bubble {
  id: number;
  kind: ReactionKind;
  count: number;
  /** Horizontal position on the stage, 5–95 %. */
  left: number;
}

let nextBubble = 0;

/** One bubble per kind in a burst (its count beside it), never one per click. */
export function bubblesOf(counts: ReactionCounts, random = Math.random): Bubble[] {
  return (Object.entries(counts) as [ReactionKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, count]) => ({ id: ++nextBubble, kind, count, left: 5 + random() * 90 }));
}
