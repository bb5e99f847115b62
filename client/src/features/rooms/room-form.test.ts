import { describe, expect, it } from 'vitest';
import type { Room } from '@plenum/shared';
import { checkRoomForm, emptyRoomForm, roomFormFromRoom, roomPatch } from './room-form.ts';

const room: Room = {
  id: 'r1',
  kind: 'working_group',
  name: 'AG 1',
  description: 'Daten',
  capacity: 40,
  moderatorIds: ['m1'],
};

describe('working group form', () => {
  it('sends an empty capacity as no limit', () => {
    expect(checkRoomForm({ ...emptyRoomForm, name: ' AG 4 ' })).toEqual({
      ok: true,
      body: { name: 'AG 4', description: '', capacity: null, moderatorIds: [] },
    });
  });

  it('refuses a capacity that is no whole number of places', () => {
    expect(checkRoomForm({ ...emptyRoomForm, name: 'AG', capacity: '0' })).toEqual({
      ok: false,
      errors: { capacity: { key: 'numberRange', min: 1, max: 10_000 } },
    });
    expect(checkRoomForm({ ...emptyRoomForm, capacity: '2,5' })).toEqual({
      ok: false,
      errors: { name: { key: 'required' }, capacity: { key: 'wholeNumber' } },
    });
  });

  it('patches only what changed, moderators in any order', () => {
    const edited = { ...roomFormFromRoom(room), capacity: '35', moderatorIds: ['m1'] };
    const checked = checkRoomForm(edited);
    expect(checked.ok && roomPatch(room, checked.body)).toEqual({ capacity: 35 });
    const same = checkRoomForm(roomFormFromRoom(room));
    expect(same.ok && roomPatch(room, same.body)).toBeNull();
    const more = checkRoomForm({ ...roomFormFromRoom(room), moderatorIds: ['m2', 'm1'] });
    expect(more.ok && roomPatch(room, more.body)).toEqual({ moderatorIds: ['m2', 'm1'] });
  });
});
