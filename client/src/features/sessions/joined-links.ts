import { roles, type Role } from '@plenum/shared/access';

/**
 * Links this tab has already redeemed, so that reloading the device check (or pressing Back) does
 * not show the join form again for a link that may be used up by now: the session cookie is set,
 * the person goes on to the check. Per tab (sessionStorage): another tab asks again.
 */

type Store = Pick<Storage, 'getItem' | 'setItem'>;
export interface JoinedLink {
  slug: string;
  role: Role;
}

const key = (token: string) => `plenum.joined.${token}`;

export function rememberJoined(storage: Store | null, token: string, joined: JoinedLink): void {
  try {
    storage?.setItem(key(token), JSON.stringify({ slug: joined.slug, role: joined.role }));
  } catch {
    // storage blocked: a reload shows the form again, as before
  }
}

export function joinedBefore(storage: Store | null, token: string): JoinedLink | null {
  try {
    const raw = storage?.getItem(key(token));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Record<keyof JoinedLink, unknown>>;
    if (typeof value.slug !== 'string' || value.slug === '') return null;
    if (!roles.includes(value.role as Role)) return null;
    return { slug: value.slug, role: value.role as Role };
  } catch {
    return null;
  }
}

export function tabStorage(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

/**
 * After logging out: the tab forgets the links it redeemed, so that opening one of them again
 * shows the join form (and signs in again) instead of going on to the event without a session.
 */
export function forgetJoined(storage: Pick<Storage, 'key' | 'length' | 'removeItem'> | null): void {
  try {
    if (!storage) return;
    const ours: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const name = storage.key(i);
      if (name?.startsWith(key(''))) ours.push(name);
    }
    for (const name of ours) storage.removeItem(name);
  } catch {
    // storage blocked: nothing was remembered either
  }
}
