/**
 * Consent: nothing is published that its owner did not switch on in this session. The one rule
 * for what a person's microphone, camera and screen do at every transition of the day — joining,
 * being given the word or losing it, a move into a group and back, a visit, a reconnect. Pure:
 * the stage asks it what to publish and keeps its answer for the next transition.
 */

export type MediaSource = 'microphone' | 'camera' | 'screen';
export type MediaSwitches = Readonly<Record<MediaSource, boolean>>;

export type MediaTransition =
  /** Entering the event after the device check (its switches are the choice). */
  | 'join'
  /** A moderator gave the word: rights to publish, but nothing on until the person presses. */
  | 'promoted'
  /** The word was taken back. */
  | 'demoted'
  /** The server moved the person: a phase opened or closed, or an organizer moved them. */
  | 'moved'
  /** A moderator or organizer looks into a group. */
  | 'visit-start'
  /** …and goes back to where they were. */
  | 'visit-end'
  /** The same room again: a lost connection, a fresh token, a reload of the page. */
  | 'reconnect';

export interface SessionMedia {
  /** What the person has switched on, as far as the room lets them: the buttons' state. */
  on: MediaSwitches;
  /** The switches of the room a visit started from, restored when the visit ends. */
  beforeVisit: MediaSwitches | null;
}

export interface MediaRights {
  /** The room lets this person publish (the token's or LiveKit's live permission). */
  canPublish: boolean;
}

export interface ConsentDecision {
  session: SessionMedia;
  /** What to publish now; LiveKitRoom's `audio`/`video` on entering a room. */
  publish: MediaSwitches;
  /** Tell the person they have the floor, with their microphone button, and publish nothing. */
  floorNotice: boolean;
}

export const allOff: MediaSwitches = { microphone: false, camera: false, screen: false };

export const freshSession: SessionMedia = { on: allOff, beforeVisit: null };

/**
 * What the room allows of what the person wants. A screen share never survives a transition: it
 * needs the browser's picker, and sharing it in another room is not what anyone switched on.
 */
function allowed(on: MediaSwitches, rights: MediaRights): MediaSwitches {
  return {
    microphone: rights.canPublish && on.microphone,
    camera: rights.canPublish && on.camera,
    screen: false,
  };
}

function decide(session: SessionMedia, floorNotice = false): ConsentDecision {
  return { session, publish: session.on, floorNotice };
}

export function mediaAfter(
  before: SessionMedia,
  transition: MediaTransition,
  rights: MediaRights,
): ConsentDecision {
  switch (transition) {
    case 'join':
    case 'reconnect':
      // Entering where one only watches keeps the choice for the room the server sends one to
      // next (a reload in a group passes the plenary first); nothing is published meanwhile.
      return {
        session: { ...before, on: { ...before.on, screen: false } },
        publish: allowed(before.on, rights),
        floorNotice: false,
      };
    case 'moved':
      // The server ended a visit (a phase closed meanwhile): back to the state before it.
      if (before.beforeVisit) return mediaAfter(before, 'visit-end', rights);
      return decide({ on: allowed(before.on, rights), beforeVisit: null });
    case 'promoted':
      return decide({ ...before, on: allOff }, rights.canPublish);
    case 'demoted':
      return decide({ ...before, on: allOff });
    case 'visit-start':
      // From one group on to another, the plenary's state is still the one to come back to.
      return decide({ on: allOff, beforeVisit: before.beforeVisit ?? before.on });
    case 'visit-end':
      return decide({ on: allowed(before.beforeVisit ?? allOff, rights), beforeVisit: null });
  }
}

/** The person pressed a button (or a moderator muted them): the state to carry on. */
export function switched(session: SessionMedia, source: MediaSource, on: boolean): SessionMedia {
  if (session.on[source] === on) return session;
  return { ...session, on: { ...session.on, [source]: on } };
}

/** The session after the device check: its two switches, nothing shared. */
export function chosenAtJoin(choice: { microphone: boolean; camera: boolean }): SessionMedia {
  return {
    on: { microphone: choice.microphone, camera: choice.camera, screen: false },
    beforeVisit: null,
  };
}

/** Reads a stored session leniently: anything unexpected counts as "all off". */
export function parseSessionMedia(raw: string | null): SessionMedia {
  if (!raw) return freshSession;
  try {
    const value = JSON.parse(raw) as { on?: unknown; beforeVisit?: unknown };
    const switches = (v: unknown): MediaSwitches | null => {
      if (typeof v !== 'object' || v === null) return null;
      const r = v as Record<string, unknown>;
      return {
        microphone: r.microphone === true,
        camera: r.camera === true,
        screen: false,
      };
    };
    return { on: switches(value.on) ?? allOff, beforeVisit: switches(value.beforeVisit) };
  } catch {
    return freshSession;
  }
}
