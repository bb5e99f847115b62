import { describe, expect, it } from 'vitest';
import type { Room } from '@plenum/shared';
import { actorOf, mayInEvent, mayInRoom } from './rights.ts';

const eventId = '00000000-0000-4000-8000-0000000000ee';
const me = '00000000-0000-4000-8000-0000000000aa';
const plenary: Room = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'plenary',
  name: 'Plenum',
  description: '',
  capacity: null,
  moderatorIds: [],
};
const mine: Room = {
  ...plenary,
  id: '00000000-0000-4000-8000-000000000002',
  kind: 'working_group',
  name: 'AG 1',
  moderatorIds: [me],
};
const other: Room = {
  ...mine,
  id: '00000000-0000-4000-8000-000000000003',
  name: 'AG 2',
  moderatorIds: [],
};

describe('client-side rights', () => {
  it('lets a moderator steer the plenary and their own group, not other groups', () => {
    const actor = actorOf(me, eventId, 'moderator', [plenary, mine, other]);
    expect(mayInRoom(actor, 'hand.take', plenary)).toBe(true);
    expect(mayInRoom(actor, 'participant.promote', mine)).toBe(true);
    expect(mayInRoom(actor, 'participant.promote', other)).toBe(false);
  });

  it('shows an attendee no moderator controls', () => {
    const actor = actorOf(me, eventId, 'attendee', [plenary]);
    expect(mayInRoom(actor, 'chat.moderate', plenary)).toBe(false);
    expect(mayInRoom(actor, 'hand.raise', plenary)).toBe(true);
    expect(mayInEvent(actor, 'announcement.broadcast')).toBe(false);
  });
});
