import type { PresencePerson } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

/**
 * Batches presence changes per event and sends them at most every `delayMs`: when 100 people
 * join within a second, everybody gets a few updates, not 100. Holds only changes in flight.
 */
export class PresenceBroadcaster {
  private pending = new Map<string, Map<string, PresencePerson>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: PlenumServer,
    private readonly delayMs = 250,
  ) {}

  queue(eventId: string, person: PresencePerson) {
    let changes = this.pending.get(eventId);
    if (!changes) this.pending.set(eventId, (changes = new Map()));
    changes.set(person.personId, person);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush() {
    this.timer = null;
    const pending = this.pending;
    this.pending = new Map();
    for (const [eventId, changes] of pending) {
      this.io
        .to(socketRoom.event(eventId))
        .emit('presence:updated', { people: [...changes.values()] });
    }
  }

  close() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
