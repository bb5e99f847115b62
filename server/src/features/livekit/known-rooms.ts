/**
 * The LiveKit rooms this node created a moment ago, so that a token request need not ask LiveKit
 * to create the room every time (one HTTP call per join in a join storm).
 *
 * LiveKit can lose its rooms behind our back (a restart keeps nothing; with `auto_create: false`
 * a token for a lost room cannot join). So an entry is trusted only briefly (`ttlMs`), only once
 * per person: someone asking again for a token for the same room most likely failed to join,
 * and their request creates the room again. Deleting a room or LiveKit's `room_finished` forgets
 * it at once. Per process on purpose: every node makes sure for itself.
 */
export class KnownLivekitRooms {
  private readonly rooms = new Map<string, { until: number; served: Set<string> }>();
  private readonly creating = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ttlMs = 15_000,
    private readonly now = () => Date.now(),
  ) {}

  /**
   * True when the room was created recently and this person has not been given a token for it
   * since; the person counts as served from now on.
   */
  trustFor(roomId: string, personId: string): boolean {
    const entry = this.fresh(roomId);
    if (!entry || entry.served.has(personId)) return false;
    entry.served.add(personId);
    return true;
  }

  /** Created within the last `ttlMs` (and not forgotten since). */
  isFresh(roomId: string): boolean {
    return this.fresh(roomId) !== undefined;
  }

  /** The entry while it may be trusted; an expired one is dropped (with its served people). */
  private fresh(roomId: string) {
    const entry = this.rooms.get(roomId);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry;
    this.rooms.delete(roomId);
    return undefined;
  }

  /**
   * The room exists now; `servedIds` already hold a token for it (e.g. sent with a move). Those
   * served while the entry was fresh stay served: making the room again for one person must not
   * let another's repeated request (a failed join) be trusted without asking LiveKit.
   */
  remember(roomId: string, servedIds: Iterable<string> = []) {
    const served = new Set([...(this.fresh(roomId)?.served ?? []), ...servedIds]);
    // Rooms nobody asks for again would keep their entry (and its people) for good.
    const now = this.now();
    for (const [id, entry] of this.rooms) if (entry.until <= now) this.rooms.delete(id);
    this.rooms.set(roomId, { until: now + this.ttlMs, served });
  }

  /** How many rooms are remembered (expired ones go at the next `remember`). */
  get size() {
    return this.rooms.size;
  }

  /** Marks people as holding a token for a known room (no effect on an unknown one). */
  served(roomId: string, personIds: Iterable<string>) {
    const entry = this.rooms.get(roomId);
    if (entry) for (const id of personIds) entry.served.add(id);
  }

  /**
   * One call to create a room at a time: requests that arrive while it runs share its answer
   * (the first fifty tokens of a join storm made fifty calls for the one plenary).
   */
  createOnce<T>(roomId: string, create: () => Promise<T>): Promise<T> {
    const running = this.creating.get(roomId);
    if (running) return running as Promise<T>;
    const started = create().finally(() => {
      if (this.creating.get(roomId) === started) this.creating.delete(roomId);
    });
    this.creating.set(roomId, started);
    return started;
  }

  forget(roomId: string) {
    this.rooms.delete(roomId);
    this.creating.delete(roomId);
  }

  /** LiveKit restarted (or may have): trust nothing. */
  clear() {
    this.rooms.clear();
    this.creating.clear();
  }
}
