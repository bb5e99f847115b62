import { describe, expect, it } from 'vitest';
import { SessionMediaStore } from './session-media.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const may = { canPublish: true };

describe('the tab’s media session', () => {
  it('decides each connection once, however often the page renders it', () => {
    const store = new SessionMediaStore(memoryStorage());
    store.chooseAtJoin({ microphone: true, camera: true });
    const seen: boolean[] = [];
    const transition = (first: boolean) => {
      seen.push(first);
      return first ? 'join' : ('visit-start' as const);
    };
    expect(store.enter('plenary#1', transition, may).publish.camera).toBe(true);
    expect(store.enter('plenary#1', transition, may).publish.camera).toBe(true);
    expect(store.enter('group#2', transition, may).publish).toMatchObject({ camera: false });
    expect(store.enter('group#2', transition, may).publish).toMatchObject({ camera: false });
    expect(seen).toEqual([true, false]);
  });

  it('keeps the switches through a reload of the tab', () => {
    const storage = memoryStorage();
    const store = new SessionMediaStore(storage);
    store.switched('camera', true);
    const again = new SessionMediaStore(storage);
    expect(again.enter('plenary#1', () => 'reconnect', may).publish).toEqual({
      microphone: false,
      camera: true,
      screen: false,
    });
  });

  it('starts a tab with nothing on', () => {
    const store = new SessionMediaStore(memoryStorage());
    expect(store.enter('plenary#1', () => 'join', may).publish).toEqual({
      microphone: false,
      camera: false,
      screen: false,
    });
  });
});
