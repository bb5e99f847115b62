import { describe, expect, it } from 'vitest';
import { captureDefaults, MediaPrefsStore, publishOnJoin, readMediaPrefs } from './media-prefs.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('media choices', () => {
  it('starts attendees with the camera on and the microphone off', () => {
    expect(readMediaPrefs(null, 'attendee')).toMatchObject({ camera: true, microphone: false });
    expect(readMediaPrefs(null, 'organizer')).toMatchObject({ camera: true, microphone: true });
  });

  it('remembers chosen devices across rooms and page loads', () => {
    const storage = memoryStorage();
    const store = new MediaPrefsStore('attendee', storage);
    store.update({ videoDeviceId: 'cam-2', microphone: true });
    const again = new MediaPrefsStore('attendee', storage).get();
    expect(again).toMatchObject({ videoDeviceId: 'cam-2', microphone: true });
    expect(captureDefaults(again).videoCaptureDefaults).toEqual({ deviceId: 'cam-2' });
  });

  it('ignores unreadable stored choices', () => {
    const storage = memoryStorage({ 'plenum.media': '{nope' });
    expect(readMediaPrefs(storage, 'attendee').camera).toBe(true);
  });

  it('publishes nothing where the room does not allow it', () => {
    const prefs = readMediaPrefs(null, 'organizer');
    expect(publishOnJoin(prefs, false)).toEqual({ video: false, audio: false });
    expect(publishOnJoin(prefs, true)).toEqual({ video: true, audio: true });
  });

  it('tells listeners only about real changes', () => {
    const store = new MediaPrefsStore('attendee', null);
    let calls = 0;
    store.subscribe(() => calls++);
    store.update({ camera: true });
    store.update({ camera: false });
    expect(calls).toBe(1);
  });
});
