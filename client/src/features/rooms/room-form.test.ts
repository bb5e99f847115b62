import { describe, expect, it } from 'vitest';
import type { Room } from '@plenum/shared';
import {
  checkInvitationForm,
  checkMinutes,
  checkPhaseForm,
  checkRoomForm,
  emptyInvitationForm,
  emptyPhaseForm,
  emptyRoomForm,
  roomFormFromRoom,
  roomPatch,
} from './room-form.ts';

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

describe('phase form', () => {
  it('starts with every group chosen and self-select on', () => {
    expect(emptyPhaseForm([{ id: 'a' }, { id: 'b' }])).toEqual({
      title: '',
      roomIds: ['a', 'b'],
      durationMinutes: '60',
      selfSelect: true,
    });
  });

  it('needs a title, a group and 5 to 480 minutes', () => {
    expect(
      checkPhaseForm({ title: '', roomIds: [], durationMinutes: '3', selfSelect: false }),
    ).toEqual({
      ok: false,
      errors: {
        title: { key: 'required' },
        roomIds: { key: 'chooseOne' },
        durationMinutes: { key: 'numberRange', min: 5, max: 480 },
      },
    });
    expect(
      checkPhaseForm({
        title: 'AGs',
        roomIds: ['a', 'a'],
        durationMinutes: '45',
        selfSelect: false,
      }),
    ).toEqual({
      ok: true,
      body: { title: 'AGs', roomIds: ['a'], durationMinutes: 45, selfSelect: false },
    });
  });
});

describe('invitation form', () => {
  it('sends an invitation without limits', () => {
    expect(checkInvitationForm(emptyInvitationForm, 'Europe/Berlin')).toEqual({
      ok: true,
      body: { role: 'attendee', label: '', maxUses: null, expiresAt: null },
    });
  });

  it('lets a date alone expire at the end of that day in the event’s zone', () => {
    const result = checkInvitationForm(
      { ...emptyInvitationForm, role: 'moderator', maxUses: '3', expiresDate: '2026-07-01' },
      'Europe/Berlin',
    );
    expect(result).toEqual({
      ok: true,
      body: {
        role: 'moderator',
        label: '',
        maxUses: 3,
        expiresAt: '2026-07-01T23:59:00+02:00',
      },
    });
  });

  it('needs a date when a time is given, and a time that exists', () => {
    expect(
      checkInvitationForm({ ...emptyInvitationForm, expiresTime: '10:00' }, 'Europe/Berlin'),
    ).toEqual({ ok: false, errors: { expiresDate: { key: 'invalidDate' } } });
    expect(
      checkInvitationForm(
        { ...emptyInvitationForm, expiresDate: '2026-03-29', expiresTime: '02:30' },
        'Europe/Berlin',
      ),
    ).toEqual({ ok: false, errors: { expiresTime: { key: 'nonexistentTime' } } });
  });
});

describe('minutes', () => {
  it('allows a gain when shifting but never zero', () => {
    expect(checkMinutes('-15', 'agendaShift')).toEqual({ ok: true, value: -15 });
    expect(checkMinutes('0', 'agendaShift')).toEqual({ ok: false, error: { key: 'notZero' } });
  });

  it('extends by at least a minute, a phase by at most two hours', () => {
    expect(checkMinutes('-5', 'agendaExtend')).toEqual({
      ok: false,
      error: { key: 'numberRange', min: 1, max: 240 },
    });
    expect(checkMinutes('150', 'phaseExtend')).toEqual({
      ok: false,
      error: { key: 'numberRange', min: 1, max: 120 },
    });
    expect(checkMinutes('10', 'phaseExtend')).toEqual({ ok: true, value: 10 });
  });
});
