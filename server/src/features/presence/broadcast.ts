import { can, type PresencePerson, type Role } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

/** A person's new presence, and their role: it decides who hears of it (`presence.toEveryone`). */
export interface PresenceChange {
  person: PresencePerson;
  /** Unknown for a connection recovered from an older node: it is then told to watchers only. */
  role: Role | null | undefined;
}

/**
 * Changes to who is where. Sockets that watch the whole list get every change; the rest of the
 * event only those of staff, speakers and captioners (presence.toEveryone). Most are batched below.
 */
export function presenceUpdated(
  io: PlenumServer,
  eventId: string,
  changes: readonly PresenceChange[],
) {
  const watchers = socketRoom.presenceWatchers(eventId);
  io.to(watchers).emit('presence:updated', { people: changes.map((c) => c.person) });
  const forEveryone = changes
    .filter((c) => can(c.role ?? null, 'presence.toEveryone'))
    .map((c) => c.person);
  if (forEveryone.length > 0) {
    io.to(socketRoom.event(eventId))
      .except(watchers)
      .emit('presence:updated', { people: forEveryone });
  }
}

/** The widest socket room a change of this person reaches (presenceUpdated). */
export function widestAudienceOf(eventId: string, role: Role | null | undefined): string {
  return can(role ?? null, 'presence.toEveryone')
    ? socketRoom.event(eventId)
    : socketRoom.presenceWatchers(eventId);
}

/**
 * How long a change waits for others to share its batch: `baseMs` per 250 sockets it reaches on
 * this node, at most 8×. Every batch costs one frame per socket it reaches; in a join storm of
 * 1000 the batches to everyone took more socket writes than the joins themselves (profile in
 * bench/README.md). An attendee's change reaches only the watchers, so a big event whose people
 * list few have open hears of arrivals as soon as a small one.
 */
export function presenceBatchDelayMs(reached: number, baseMs: number): number {
  return baseMs * Math.min(8, Math.max(1, Math.ceil(reached / 250)));
}

/**
 * Batches presence changes per event and sends them at most every `delayMs` (more in a big
 * event, presenceBatchDelayMs): when 100 people join within a second, everybody gets a few
 * updates, not 100. Holds only changes in flight.
 */
export class PresenceBroadcaster {
  private pending = new Map<string, Map<string, PresenceChange>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: PlenumServer,
    private readonly delayMs = 250,
  ) {}

  queue(eventId: string, person: PresencePerson, role: Role | null | undefined) {
    let changes = this.pending.get(eventId);
    if (!changes) this.pending.set(eventId, (changes = new Map()));
    changes.set(person.personId, { person, role });
    this.timer ??= setTimeout(() => this.flush(), this.delayFor(eventId, role));
  }

  private delayFor(eventId: string, role: Role | null | undefined) {
    const audience = this.io.of('/').adapter.rooms.get(widestAudienceOf(eventId, role));
    return presenceBatchDelayMs(audience?.size ?? 0, this.delayMs);
  }

  flush() {
    this.timer = null;
    const pending = this.pending;
    this.pending = new Map();
    for (const [eventId, changes] of pending) {
      presenceUpdated(this.io, eventId, [...changes.values()]);
    }
  }

  close() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
