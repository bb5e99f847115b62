import type { Role } from '@plenum/shared/access';

/**
 * The person's camera and microphone choices: which devices, and whether the device check should
 * pre-select them next time. They outlive every room switch and a page reload, so nobody has to
 * pick their headset again when the phase opens. What is live in this session is not here: that
 * is `session-media.ts`, ruled by `consent.ts`.
 */

export interface MediaPrefs {
  /** The device check's switches as last left: a suggestion, shown as remembered, never live. */
  camera: boolean;
  microphone: boolean;
  videoDeviceId: string | null;
  audioDeviceId: string | null;
  /** Whether camera and microphone come from an earlier visit rather than the defaults. */
  remembered: boolean;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const storageKey = 'plenum.media';

/** Off for everyone, whatever the role: nobody goes live without switching on. */
// The role stays in the signature: a per-role default would be decided here, and nowhere else.
export function defaultMediaPrefs(_role: Role | null): MediaPrefs {
  return {
    camera: false,
    microphone: false,
    videoDeviceId: null,
    audioDeviceId: null,
    remembered: false,
  };
}

export function readMediaPrefs(storage: Store | null, role: Role | null): MediaPrefs {
  const defaults = defaultMediaPrefs(role);
  try {
    const raw = storage?.getItem(storageKey);
    if (!raw) return defaults;
    const stored = JSON.parse(raw) as Partial<Record<keyof MediaPrefs, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    const remembered = typeof stored.camera === 'boolean' && typeof stored.microphone === 'boolean';
    return {
      camera: remembered ? stored.camera === true : defaults.camera,
      microphone: remembered ? stored.microphone === true : defaults.microphone,
      videoDeviceId: text(stored.videoDeviceId),
      audioDeviceId: text(stored.audioDeviceId),
      remembered,
    };
  } catch {
    return defaults; // unreadable or blocked storage: defaults for this page
  }
}

export function writeMediaPrefs(storage: Store | null, prefs: MediaPrefs): void {
  try {
    const { remembered: _, ...stored } = prefs;
    storage?.setItem(storageKey, JSON.stringify(stored));
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
