import { describe, expect, it } from 'vitest';
import { LiveMicrophones } from './live-microphones.ts';

describe('whose microphone is on', () => {
  it('answers for the room the media is connected to, and knows nothing of others', () => {
    const mics = new LiveMicrophones();
    expect(mics.isOn('plenary', 'anna')).toBeNull();
    mics.report('plenary', ['anna']);
    expect(mics.isOn('plenary', 'anna')).toBe(true);
    expect(mics.isOn('plenary', 'ben')).toBe(false);
    expect(mics.isOn('group', 'anna')).toBeNull();
  });

  it('tells its listeners of changes only, and forgets a room the media left', () => {
    const mics = new LiveMicrophones();
    let heard = 0;
    mics.subscribe(() => heard++);
    mics.report('plenary', ['anna', 'ben']);
    mics.report('plenary', ['ben', 'anna']);
    expect(heard).toBe(1);
    mics.report('plenary', ['ben']);
    expect(heard).toBe(2);
    mics.forget('group');
    expect(mics.isOn('plenary', 'ben')).toBe(true);
    mics.forget('plenary');
    expect(mics.isOn('plenary', 'ben')).toBeNull();
    expect(heard).toBe(3);
  });
});
