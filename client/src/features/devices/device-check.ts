/**
 * The camera and microphone check before entering the event, as a pure state machine: which
 * devices the browser offers, which one is chosen, and why one is missing. The LiveKit glue
 * (`local-media.ts`) feeds it; the chosen ids go to `MediaPrefsStore` so every room uses them.
 */

export type DeviceKind = 'camera' | 'microphone';

/** `asking`: waiting for the browser's permission prompt or the device to start. */
export type DeviceAccess = 'idle' | 'asking' | 'on' | 'denied' | 'missing' | 'failed';

export interface DeviceOption {
  id: string;
  /** Empty until the person allowed access: browsers hide labels before that. */
  label: string;
}

export interface DeviceSlot {
  access: DeviceAccess;
  devices: DeviceOption[];
  chosenId: string | null;
}

export type DeviceCheckState = Record<DeviceKind, DeviceSlot>;

export type DeviceCheckAction =
  | { type: 'asking'; kinds: DeviceKind[] }
  | { type: 'opened'; kind: DeviceKind; deviceId: string | null }
  | { type: 'refused'; kind: DeviceKind; error: unknown }
  | { type: 'listed'; devices: readonly MediaDeviceLike[] }
  | { type: 'chosen'; kind: DeviceKind; deviceId: string }
  | { type: 'stopped' };

/** What `enumerateDevices()` returns, reduced to what the check needs. */
export interface MediaDeviceLike {
  kind: string;
  deviceId: string;
  label: string;
}

const browserKind: Record<DeviceKind, MediaDeviceKind> = {
  camera: 'videoinput',
  microphone: 'audioinput',
};

export function initialDeviceCheck(chosen: Record<DeviceKind, string | null>): DeviceCheckState {
  const slot = (kind: DeviceKind): DeviceSlot => ({
    access: 'idle',
    devices: [],
    chosenId: chosen[kind],
  });
  return { camera: slot('camera'), microphone: slot('microphone') };
}

/**
 * Why a device did not start, from the DOMException's name: the person (or the browser's policy)
 * said no, there is no such device (or the remembered one is gone), or anything else.
 */
export function accessAfterError(error: unknown): DeviceAccess {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied';
  if (
    name === 'NotFoundError' ||
    name === 'DevicesNotFoundError' ||
    name === 'OverconstrainedError'
  )
    return 'missing';
  return 'failed';
}

/**
 * After opening camera and microphone together failed: whether to try each alone. Yes when one
 * may be missing or busy (a laptop without camera still gets its microphone checked); no after a
 * refusal, which would only put a second prompt in front of someone who said no.
 */
export function tryEachAlone(error: unknown, kinds: number): boolean {
  return kinds > 1 && accessAfterError(error) !== 'denied';
}

/** One entry per device of this kind, in the browser's order (its default first). */
export function devicesOfKind(devices: readonly MediaDeviceLike[], kind: DeviceKind) {
  const seen = new Set<string>();
  const options: DeviceOption[] = [];
  for (const device of devices) {
    if (device.kind !== browserKind[kind] || device.deviceId === '' || seen.has(device.deviceId))
      continue;
    seen.add(device.deviceId);
    options.push({ id: device.deviceId, label: device.label });
  }
  return options;
}

/** The remembered device if it is still there, otherwise the browser's first (its default). */
export function chooseDevice(options: DeviceOption[], wanted: string | null): string | null {
  if (wanted && options.some((o) => o.id === wanted)) return wanted;
  return options[0]?.id ?? null;
}

export function deviceCheckReducer(
  state: DeviceCheckState,
  action: DeviceCheckAction,
): DeviceCheckState {
  switch (action.type) {
    case 'asking': {
      const next = { ...state };
      for (const kind of action.kinds) next[kind] = { ...state[kind], access: 'asking' };
      return next;
    }
    case 'opened':
      return {
        ...state,
        [action.kind]: {
          ...state[action.kind],
          access: 'on',
          // The device the browser actually opened, which may differ from the one asked for.
          chosenId: action.deviceId ?? state[action.kind].chosenId,
        },
      };
    case 'refused':
      return {
        ...state,
        [action.kind]: { ...state[action.kind], access: accessAfterError(action.error) },
      };
    case 'listed': {
      const slot = (kind: DeviceKind): DeviceSlot => {
        const devices = devicesOfKind(action.devices, kind);
        // Before permission the list is anonymous and may not hold the real ids: keep the choice.
        const known = devices.some((d) => d.label !== '');
        return {
          ...state[kind],
          devices,
          chosenId: known ? chooseDevice(devices, state[kind].chosenId) : state[kind].chosenId,
        };
      };
      return { camera: slot('camera'), microphone: slot('microphone') };
    }
    case 'chosen':
      return { ...state, [action.kind]: { ...state[action.kind], chosenId: action.deviceId } };
    case 'stopped': {
      const stop = (slot: DeviceSlot): DeviceSlot =>
        slot.access === 'on' || slot.access === 'asking' ? { ...slot, access: 'idle' } : slot;
      return { camera: stop(state.camera), microphone: stop(state.microphone) };
    }
  }
}

/** The label shown for a device: its own name, or "Kamera 2" while the browser hides names. */
export function deviceLabel(
  option: DeviceOption,
  index: number,
  unnamed: (number: number) => string,
): string {
  return option.label.trim() || unnamed(index + 1);
}

/**
 * The meter's reading in percent from LiveKit's volume (0–1, the mean of the spectrum). Speech
 * sits low on that scale; the square root spreads it so that normal talking fills half the bar.
 */
export function levelPercent(volume: number): number {
  if (!Number.isFinite(volume) || volume <= 0) return 0;
  return Math.min(100, Math.round(Math.sqrt(volume) * 100));
}

/** Above this the microphone hears something; quieter is room noise. */
export const soundThreshold = 8;
/** How long "sound arrives" stays true after the last sound: the text must not flicker. */
export const soundHoldMs = 3000;

/**
 * When sound was last heard, for the meter's text alternative ("Ihr Mikrofon nimmt Ton auf"):
 * changes only when the words would change, so screen readers are not flooded.
 */
export function lastSoundAt(previous: number | null, percent: number, now: number): number | null {
  return percent >= soundThreshold ? now : previous;
}

export function hearsSound(lastAt: number | null, now: number): boolean {
  return lastAt !== null && now - lastAt <= soundHoldMs;
}
