import type { ModeratorAction, PresencePerson, RoomKind } from '@plenum/shared';
import {
  actionsOnPeople,
  can,
  mayActOnPerson,
  moderationRights,
  type Actor,
} from '@plenum/shared/access';

/**
 * What a moderator's menu offers for one person, from what the server says about them: the word
 * is given to someone who may not publish and taken from someone a moderator gave it to; those
 * who speak by their role keep it. Muting is for those who publish. In a working group everyone
 * speaks already, so the word is not a matter there. Only what the server would allow the
 * actor: each entry's right by `can()` in this room, and nobody removes, demotes or mutes a
 * person of a higher role (`mayActOnPerson`), nor someone whose role is not known yet.
 */
export function moderationActions(
  person: Pick<PresencePerson, 'canPublish' | 'promoted' | 'role'>,
  room: { eventId: string; roomId: string; kind: RoomKind },
  actor: Actor,
): ModeratorAction[] {
  const word: ModeratorAction[] =
    room.kind !== 'plenary'
      ? []
      : !person.canPublish
        ? ['promote']
        : person.promoted
          ? ['demote']
          : [];
  const mute: ModeratorAction[] = person.canPublish ? ['mute'] : [];
  const onPeople: readonly string[] = actionsOnPeople;
  return [...word, ...mute, 'remove' as const].filter(
    (action) =>
      can(actor, moderationRights[action], room) &&
      (!onPeople.includes(action) ||
        (person.role !== undefined && mayActOnPerson(actor.role, person.role))),
  );
}

/** Who has been given the word in a room now (by a moderator), by name: "Spricht gerade". */
export function speakingNow(people: Iterable<PresencePerson>, roomId: string): PresencePerson[] {
  return [...people]
    .filter((p) => p.online && p.roomId === roomId && p.promoted)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de', { sensitivity: 'base' }));
}

/** The people list's search: every word of the query in the name, ignoring case and accents. */
export function matchesSearch(displayName: string, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('de');
  const name = fold(displayName);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => name.includes(word));
}
