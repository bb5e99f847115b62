import type { PresenceList, PresencePerson } from '@plenum/shared';

/** Who is here: the full list from `presence:list`, kept current by `presence:updated` batches. */

export type PresenceMap = ReadonlyMap<string, PresencePerson>;

export function presenceFromList(list: PresenceList): PresenceMap {
  return new Map(list.people.map((p) => [p.personId, p]));
}

export function applyPresence(
  current: PresenceMap,
  changes: readonly PresencePerson[],
): PresenceMap {
  if (changes.length === 0) return current;
  const next = new Map(current);
  // Updates may leave out the role (it rarely changes): the one known stays.
  for (const person of changes) {
    const role = person.role ?? current.get(person.personId)?.role;
    next.set(person.personId, role ? { ...person, role } : person);
  }
  return next;
}

export interface PeopleView {
  /** Online in the given room, by name. */
  here: PresencePerson[];
  /** Online elsewhere in the event. */
  elsewhere: number;
  offline: number;
}

const byName = (a: PresencePerson, b: PresencePerson) =>
  a.displayName.localeCompare(b.displayName, 'de', { sensitivity: 'base' });

export function peopleIn(presence: PresenceMap, roomId: string | null): PeopleView {
  const here: PresencePerson[] = [];
  let elsewhere = 0;
  let offline = 0;
  for (const person of presence.values()) {
    if (!person.online) offline++;
    else if (person.roomId === roomId) here.push(person);
    else elsewhere++;
  }
  return { here: here.sort(byName), elsewhere, offline };
}
