import { describe, expect, it } from 'vitest';
import type { PresencePerson } from '@plenum/shared';
import { applyPresence, peopleIn, presenceFromList } from './presence.ts';

const room = '00000000-0000-4000-8000-000000000001';
const group = '00000000-0000-4000-8000-000000000002';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function person(n: number, online: boolean, roomId: string | null, name = `P${n}`): PresencePerson {
  return {
    personId: id(n),
    displayName: name,
    online,
    roomId,
    lastSeenAt: null,
    canPublish: false,
    promoted: false,
  };
}

describe('presence', () => {
  it('lists who is online in a room, by name, and counts the rest', () => {
    const presence = presenceFromList({
      people: [
        person(1, true, room, 'Özlem'),
        person(2, true, room, 'Anna'),
        person(3, true, group),
        person(4, false, room),
      ],
      counts: {},
    });
    const view = peopleIn(presence, room);
    expect(view.here.map((p) => p.displayName)).toEqual(['Anna', 'Özlem']);
    expect(view).toMatchObject({ elsewhere: 1, offline: 1 });
  });

  it('applies a batch of changes', () => {
    const presence = applyPresence(
      presenceFromList({ people: [person(1, true, room)], counts: {} }),
      [person(1, true, group), person(2, true, room)],
    );
    expect(peopleIn(presence, room).here.map((p) => p.personId)).toEqual([id(2)]);
  });
});

describe('roles in the people list', () => {
  it('an update without a role keeps the role the full list gave', () => {
    const list = presenceFromList({
      people: [{ ...person(1, true, room), role: 'moderator' }],
      counts: {},
    });
    const next = applyPresence(list, [person(1, false, room)]);
    expect(next.get(id(1))).toMatchObject({ online: false, role: 'moderator' });
  });
});
