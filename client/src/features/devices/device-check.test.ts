import { describe, expect, it } from 'vitest';
import {
  accessAfterError,
  chooseDevice,
  deviceCheckReducer,
  deviceLabel,
  devicesOfKind,
  hearsSound,
  initialDeviceCheck,
  lastSoundAt,
  levelPercent,
  soundHoldMs,
  tryEachAlone,
  type MediaDeviceLike,
} from './device-check.ts';

const named: MediaDeviceLike[] = [
  { kind: 'audioinput', deviceId: 'default', label: 'Standard – Headset' },
  { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset' },
  { kind: 'audioinput', deviceId: 'mic-2', label: 'Laptop' },
  { kind: 'videoinput', deviceId: 'cam-1', label: 'Webcam' },
  { kind: 'audiooutput', deviceId: 'out-1', label: 'Speaker' },
  { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset (again)' },
];

describe('the device check', () => {
  it('lists cameras and microphones apart, without loudspeakers or duplicates', () => {
    expect(devicesOfKind(named, 'microphone').map((d) => d.id)).toEqual([
      'default',
      'mic-1',
      'mic-2',
    ]);
    expect(devicesOfKind(named, 'camera')).toEqual([{ id: 'cam-1', label: 'Webcam' }]);
  });

  it('keeps a remembered device that is still there and falls back when it is gone', () => {
    const options = devicesOfKind(named, 'microphone');
    expect(chooseDevice(options, 'mic-2')).toBe('mic-2');
    expect(chooseDevice(options, 'unplugged')).toBe('default');
    expect(chooseDevice([], 'mic-2')).toBeNull();
  });

  it('tells a refusal from a missing device from any other failure', () => {
    expect(accessAfterError({ name: 'NotAllowedError' })).toBe('denied');
    expect(accessAfterError({ name: 'NotFoundError' })).toBe('missing');
    expect(accessAfterError({ name: 'OverconstrainedError' })).toBe('missing');
    expect(accessAfterError({ name: 'NotReadableError' })).toBe('failed');
    expect(accessAfterError(undefined)).toBe('failed');
  });

  it('tries camera and microphone alone after a missing device, never after a refusal', () => {
    expect(tryEachAlone({ name: 'NotFoundError' }, 2)).toBe(true);
    expect(tryEachAlone({ name: 'NotReadableError' }, 2)).toBe(true);
    expect(tryEachAlone({ name: 'NotAllowedError' }, 2)).toBe(false);
    expect(tryEachAlone({ name: 'NotFoundError' }, 1)).toBe(false);
  });

  it('takes the device the browser really opened as the choice', () => {
    let state = initialDeviceCheck({ camera: null, microphone: 'mic-2' });
    state = deviceCheckReducer(state, { type: 'asking', kinds: ['camera', 'microphone'] });
    expect(state.camera.access).toBe('asking');
    state = deviceCheckReducer(state, { type: 'opened', kind: 'camera', deviceId: 'cam-1' });
    state = deviceCheckReducer(state, {
      type: 'refused',
      kind: 'microphone',
      error: { name: 'NotAllowedError' },
    });
    expect(state.camera).toMatchObject({ access: 'on', chosenId: 'cam-1' });
    expect(state.microphone).toMatchObject({ access: 'denied', chosenId: 'mic-2' });
  });

  it('keeps the remembered choice while the browser still hides device names', () => {
    const anonymous = named.map((d) => ({ ...d, deviceId: '', label: '' }));
    let state = initialDeviceCheck({ camera: 'cam-1', microphone: 'mic-2' });
    state = deviceCheckReducer(state, { type: 'listed', devices: anonymous });
    expect(state.microphone.chosenId).toBe('mic-2');
    state = deviceCheckReducer(state, {
      type: 'listed',
      devices: named.filter((d) => d.deviceId !== 'mic-2'),
    });
    // The headset was unplugged meanwhile: the browser's default takes over.
    expect(state.microphone.chosenId).toBe('default');
    expect(state.camera.chosenId).toBe('cam-1');
  });

  it('switches the choice and switches devices off when the check ends', () => {
    let state = initialDeviceCheck({ camera: null, microphone: null });
    state = deviceCheckReducer(state, { type: 'opened', kind: 'microphone', deviceId: 'default' });
    state = deviceCheckReducer(state, { type: 'chosen', kind: 'microphone', deviceId: 'mic-1' });
    state = deviceCheckReducer(state, { type: 'refused', kind: 'camera', error: {} });
    state = deviceCheckReducer(state, { type: 'stopped' });
    expect(state.microphone).toMatchObject({ access: 'idle', chosenId: 'mic-1' });
    // A problem stays visible: it was not solved by leaving.
    expect(state.camera.access).toBe('failed');
  });

  it('names devices the browser has not named yet by kind and number', () => {
    const unnamed = (n: number) => `Kamera ${n}`;
    expect(deviceLabel({ id: 'x', label: ' ' }, 1, unnamed)).toBe('Kamera 2');
    expect(deviceLabel({ id: 'x', label: 'Webcam' }, 1, unnamed)).toBe('Webcam');
  });

  it('spreads quiet speech over the meter and caps it at full', () => {
    expect(levelPercent(0)).toBe(0);
    expect(levelPercent(Number.NaN)).toBe(0);
    expect(levelPercent(0.04)).toBe(20);
    expect(levelPercent(0.25)).toBe(50);
    expect(levelPercent(4)).toBe(100);
  });

  it('says sound arrives for a while after the last sound, not only in loud moments', () => {
    let at = lastSoundAt(null, 3, 1000);
    expect(hearsSound(at, 1000)).toBe(false);
    at = lastSoundAt(at, 30, 2000);
    at = lastSoundAt(at, 2, 2100);
    expect(hearsSound(at, 2000 + soundHoldMs)).toBe(true);
    expect(hearsSound(at, 2001 + soundHoldMs)).toBe(false);
  });
});
