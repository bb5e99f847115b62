import { describe, expect, it } from 'vitest';
import { checkInvitationForm, emptyInvitationForm } from './invitation-form.ts';

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
