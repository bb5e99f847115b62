import { describe, expect, it } from 'vitest';
import { captureDefaults, MediaPrefsStore, readMediaPrefs } from './media-prefs.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('media choices', () => {
  it('starts everyone with camera and microphone off, organizers too', () => {
    for (const role of ['attendee', 'speaker', 'moderator', 'organizer'] as const)
      expect(readMediaPrefs(null, role)).toMatchObject({
        camera: false,
        microphone: false,
        remembered: false,
      });
  });

  it('marks switches read back from an earlier visit as remembered', () => {
    const storage = memoryStorage();
    new MediaPrefsStore('organizer', storage).update({ camera: true, microphone: false });
    expect(storage.getItem('plenum.media')).not.toContain('remembered');
    expect(readMediaPrefs(storage, 'organizer')).toMatchObject({
      camera: true,
      microphone: false,
      remembered: true,
    });
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
    expect(readMediaPrefs(storage, 'attendee')).toMatchObject({ camera: false, remembered: false });
  });

  it('tells listeners only about real changes', () => {
    const store = new MediaPrefsStore('attendee', null);
    let calls = 0;
    store.subscribe(() => calls++);
    store.update({ camera: false });
    store.update({ camera: true });
    expect(calls).toBe(1);
  });
});
