import {
  chosenAtJoin,
  mediaAfter,
  parseSessionMedia,
  switched,
  type ConsentDecision,
  type MediaRights,
  type MediaSource,
  type MediaTransition,
  type SessionMedia,
} from './consent.ts';

/**
 * This tab's media session: what the person switched on, kept across every room switch and a
 * reload of the tab (sessionStorage), gone with the tab. A new tab starts with everything off.
 */

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const storageKey = 'plenum.session-media';

export class SessionMediaStore {
  private session: SessionMedia;
  private entered: { key: string; decision: ConsentDecision } | null = null;

  constructor(private readonly storage: Store | null) {
    this.session = parseSessionMedia(read(storage));
  }

  get = (): SessionMedia => this.session;

  private set(next: SessionMedia) {
    if (next === this.session) return;
    this.session = next;
    try {
      this.storage?.setItem(storageKey, JSON.stringify(next));
    } catch {
      // storage blocked: the state lasts for this page
    }
  }

  /**
   * Entering the connection `key`: decided once per connection, so a second render (or React's
   * development double call) gets the same answer instead of applying the transition twice.
   */
  enter(
    key: string,
    /** The transition, given whether this is the page's first connection. */
    transition: (first: boolean) => MediaTransition,
    rights: MediaRights,
  ): ConsentDecision {
    if (this.entered?.key === key) return this.entered.decision;
    const decision = mediaAfter(this.session, transition(this.entered === null), rights);
    this.entered = { key, decision };
    this.set(decision.session);
    return decision;
  }

  /** A transition inside the room (promoted, demoted): the tracks follow the answer. */
  apply(transition: MediaTransition, rights: MediaRights): ConsentDecision {
    const decision = mediaAfter(this.session, transition, rights);
    this.set(decision.session);
    return decision;
  }

  switched(source: MediaSource, on: boolean) {
    this.set(switched(this.session, source, on));
  }

  /** The device check's switches start the session. */
  chooseAtJoin(choice: { microphone: boolean; camera: boolean }) {
    this.entered = null;
    this.set(chosenAtJoin(choice));
  }
}

function read(storage: Store | null): string | null {
  try {
    return storage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

/** The tab's sessionStorage, or null where it is blocked. */
export function tabStorage(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

let shared: SessionMediaStore | null = null;
/** One store per page: the device check writes it, every stage reads and updates it. */
export function sessionMedia(): SessionMediaStore {
  shared ??= new SessionMediaStore(tabStorage());
  return shared;
}
