import { can, type Role } from '@plenum/shared/access';

/**
 * The person's camera and microphone choices: which devices, and whether they are on. They
 * outlive every room switch (plenary → working group → plenary) and a page reload, so nobody has
 * to pick their headset again when the phase opens.
 */

export interface MediaPrefs {
  camera: boolean;
  microphone: boolean;
  videoDeviceId: string | null;
  audioDeviceId: string | null;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const storageKey = 'plenum.media';

/**
 * Camera on for everyone who may publish; microphone on for those who present (organizers,
 * moderators, speakers). Attendees start muted: forty open microphones in a group are noise.
 */
export function defaultMediaPrefs(role: Role | null): MediaPrefs {
  return {
    camera: true,
    microphone: can(role, 'plenary.present'),
    videoDeviceId: null,
    audioDeviceId: null,
  };
}

export function readMediaPrefs(storage: Store | null, role: Role | null): MediaPrefs {
  const defaults = defaultMediaPrefs(role);
  try {
    const raw = storage?.getItem(storageKey);
    if (!raw) return defaults;
    const stored = JSON.parse(raw) as Partial<Record<keyof MediaPrefs, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      camera: typeof stored.camera === 'boolean' ? stored.camera : defaults.camera,
      microphone: typeof stored.microphone === 'boolean' ? stored.microphone : defaults.microphone,
      videoDeviceId: text(stored.videoDeviceId),
      audioDeviceId: text(stored.audioDeviceId),
    };
  } catch {
    return defaults; // unreadable or blocked storage: defaults for this page
  }
}

export function writeMediaPrefs(storage: Store | null, prefs: MediaPrefs): void {
  try {
    storage?.setItem(storageKey, JSON.stringify(prefs));
  } catch {
    // storage blocked: the choice lasts for this page
  }
}

/** LiveKit room options that make a new room pick the chosen devices. */
export function captureDefaults(prefs: MediaPrefs) {
  return {
    videoCaptureDefaults: prefs.videoDeviceId ? { deviceId: prefs.videoDeviceId } : {},
    audioCaptureDefaults: prefs.audioDeviceId ? { deviceId: prefs.audioDeviceId } : {},
  };
}

/** What to publish on joining a room: only what the person wants and the room allows. */
export function publishOnJoin(prefs: MediaPrefs, canPublish: boolean) {
  return { video: canPublish && prefs.camera, audio: canPublish && prefs.microphone };
}

/** A tiny observable holder, so React (useSyncExternalStore) and the stage share one choice. */
export class MediaPrefsStore {
  private prefs: MediaPrefs;
  private readonly listeners = new Set<() => void>();

  constructor(
    role: Role | null,
    private readonly storage: Store | null,
  ) {
    this.prefs = readMediaPrefs(storage, role);
  }

  get = (): MediaPrefs => this.prefs;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<MediaPrefs>) {
    const next = { ...this.prefs, ...change };
    if ((Object.keys(next) as (keyof MediaPrefs)[]).every((k) => next[k] === this.prefs[k])) return;
    this.prefs = next;
    writeMediaPrefs(this.storage, next);
    for (const listener of this.listeners) listener();
  }
}

/** The browser's localStorage, or null where it is blocked (private mode, strict settings). */
export function browserStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
