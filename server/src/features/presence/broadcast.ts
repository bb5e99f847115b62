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

/**
 * Batches presence changes per event and sends them at most every `delayMs`: when 100 people
 * join within a second, everybody gets a few updates, not 100. Holds only changes in flight.
 * Every batch costs one frame per listening socket, so a big event batches longer (`delayMs`
 * per 250 listeners on this node, at most 8×): in a join storm of 1000 the batches to
 * everyone took more socket writes than the joins themselves (profile in bench/README.md).
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
    this.timer ??= setTimeout(() => this.flush(), this.delayFor(eventId));
  }

  private delayFor(eventId: string) {
    const listeners = this.io.of('/').adapter.rooms.get(socketRoom.event(eventId))?.size ?? 0;
    return this.delayMs * Math.min(8, Math.max(1, Math.ceil(listeners / 250)));
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
