import { describe, expect, it } from 'vitest';
import { roles } from '@plenum/shared';
import { joinedBefore, rememberJoined } from './joined-links.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('links joined in this tab', () => {
  it('brings a reload back to the device check of the link just redeemed, and only that one', () => {
    const storage = memoryStorage();
    rememberJoined(storage, 'token-a', { slug: 'forum', role: 'speaker' });
    expect(joinedBefore(storage, 'token-a')).toEqual({ slug: 'forum', role: 'speaker' });
    expect(joinedBefore(storage, 'token-b')).toBeNull();
  });

  it('knows every role there is and trusts nothing else it reads back', () => {
    for (const role of roles) {
      const storage = memoryStorage();
      rememberJoined(storage, 't', { slug: 'forum', role });
      expect(joinedBefore(storage, 't')?.role).toBe(role);
    }
    const tampered = memoryStorage({
      'plenum.joined.t': JSON.stringify({ slug: 'forum', role: 'admin' }),
      'plenum.joined.u': '{broken',
      'plenum.joined.v': JSON.stringify({ slug: '', role: 'attendee' }),
    });
    expect(joinedBefore(tampered, 't')).toBeNull();
    expect(joinedBefore(tampered, 'u')).toBeNull();
    expect(joinedBefore(tampered, 'v')).toBeNull();
    expect(joinedBefore(null, 't')).toBeNull();
  });
});
