import { REACTION_WINDOW_MS, type ReactionBurst, type ReactionKind } from '@plenum/shared';

type Counts = Partial<Record<ReactionKind, number>>;

/**
 * Counts the reactions this node accepted, per room, and hands each room's counts to `emit` once
 * per window: the first click in a quiet room opens a window, its end sends one burst and closes
 * it. Windows never overlap, so a room hears at most 1000 / windowMs bursts per second from this
 * node, however many people click. Counts are ephemeral by design: a node that stops loses at most
 * one window of applause, which nobody needs back.
 */
export class ReactionAggregator {
  private readonly open = new Map<string, Counts>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly emit: (burst: ReactionBurst) => void,
    private readonly windowMs = REACTION_WINDOW_MS,
  ) {}

  add(roomId: string, kind: ReactionKind) {
    let counts = this.open.get(roomId);
    if (!counts) {
      this.open.set(roomId, (counts = {}));
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.flush(roomId);
      }, this.windowMs);
      timer.unref();
      this.timers.add(timer);
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
  }

  private flush(roomId: string) {
    const counts = this.open.get(roomId);
    this.open.delete(roomId);
    if (counts) this.emit({ roomId, counts });
  }

  /** A closing node drops its open windows: the sockets that would hear them are going too. */
  close() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.open.clear();
  }
}
