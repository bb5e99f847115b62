import { describe, expect, it } from 'vitest';
import { forgetJoined, joinedBefore, rememberJoined } from './joined-links.ts';

class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('forgetting redeemed links at logout', () => {
  it('forgets every link the tab redeemed, and nothing else', () => {
    const storage = new MemoryStorage();
    rememberJoined(storage, 'tokenA', { slug: 'forum', role: 'attendee' });
    rememberJoined(storage, 'tokenB', { slug: 'forum', role: 'organizer' });
    storage.setItem('plenum.language', 'en');
    forgetJoined(storage);
    expect(joinedBefore(storage, 'tokenA')).toBeNull();
    expect(joinedBefore(storage, 'tokenB')).toBeNull();
    expect(storage.getItem('plenum.language')).toBe('en');
  });
});
