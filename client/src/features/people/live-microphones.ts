/**
 * Whose microphone is on in the room one's media is connected to, as LiveKit reports it: a
 * microphone track published and not muted. The stage (inside the LiveKit room) reports it, the
 * people list (outside it) reads it. No React, no LiveKit here.
 */
export interface MicrophonesOn {
  roomId: string;
  personIds: ReadonlySet<string>;
}

export class LiveMicrophones {
  private current: MicrophonesOn | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): MicrophonesOn | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The media room's participants with their microphone on, now. */
  report(roomId: string, personIds: Iterable<string>) {
    const ids = new Set(personIds);
    const same =
      this.current?.roomId === roomId &&
      this.current.personIds.size === ids.size &&
      [...ids].every((id) => this.current!.personIds.has(id));
    if (same) return;
    this.set({ roomId, personIds: ids });
  }

  /** The media connection to this room ended: nothing is known about its microphones any more. */
  forget(roomId: string) {
    if (this.current?.roomId === roomId) this.set(null);
  }

  /**
   * Whether the person's microphone is on in this room: true or false while one's media is
   * connected to it, null when that is not known (no media connection, or another room).
   */
  isOn(roomId: string, personId: string): boolean | null {
    if (this.current?.roomId !== roomId) return null;
    return this.current.personIds.has(personId);
  }

  private set(next: MicrophonesOn | null) {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

/** The page's one store: one media connection at a time. */
export const liveMicrophones = new LiveMicrophones();
