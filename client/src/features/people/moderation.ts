import type { ModeratorAction, PresencePerson, RoomKind } from '@plenum/shared';

/**
 * What a moderator's menu offers for one person, from what the server says about them: the word
 * is given to someone who may not publish and taken from someone a moderator gave it to; those
 * who speak by their role keep it. Muting is for those who publish. In a working group everyone
 * speaks already, so the word is not a matter there.
 */
export function moderationActions(
  person: Pick<PresencePerson, 'canPublish' | 'promoted'>,
  roomKind: RoomKind,
): ModeratorAction[] {
  const word: ModeratorAction[] =
    roomKind !== 'plenary'
      ? []
      : !person.canPublish
        ? ['promote']
        : person.promoted
          ? ['demote']
          : [];
  const mute: ModeratorAction[] = person.canPublish ? ['mute'] : [];
  return [...word, ...mute, 'remove'];
}
