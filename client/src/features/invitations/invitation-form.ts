import type { Role } from '@plenum/shared';
import { invitationLimits } from '@plenum/shared/limits';
import { checkText, checkWholeNumber } from '@plenum/shared/rules';
import { zonedIso } from '@plenum/shared/time';
import type { FormErrors, FormResult } from '../../lib/form-rules.ts';
import type { InvitationBody } from './invitations-api.ts';

/** The invitation form: role, label, uses and expiry, checked before it is sent. */

export interface InvitationFormValues {
  role: Role;
  label: string;
  /** Empty: unlimited. */
  maxUses: string;
  /** Both empty: never expires. A date alone means the end of that day. */
  expiresDate: string;
  expiresTime: string;
}
export type InvitationField = 'role' | 'label' | 'maxUses' | 'expiresDate' | 'expiresTime';
export const invitationFields: readonly InvitationField[] = [
  'role',
  'label',
  'maxUses',
  'expiresDate',
  'expiresTime',
];

export const emptyInvitationForm: InvitationFormValues = {
  role: 'attendee',
  label: '',
  maxUses: '',
  expiresDate: '',
  expiresTime: '',
};

export function checkInvitationForm(
  values: InvitationFormValues,
  timeZone: string,
): FormResult<InvitationField, InvitationBody> {
  const errors: FormErrors<InvitationField> = {};
  const label = checkText(values.label, invitationLimits.labelMax, true);
  if (!label.ok) errors.label = label.error;
  const maxUses = checkWholeNumber(values.maxUses, invitationLimits.maxUses, true);
  if (!maxUses.ok) errors.maxUses = maxUses.error;
  let expiresAt: string | null = null;
  const date = values.expiresDate.trim();
  const time = values.expiresTime.trim();
  if (date === '' && time !== '') errors.expiresDate = { key: 'invalidDate' };
  if (date !== '') {
    const zoned = zonedIso(date, time || '23:59', timeZone);
    if (zoned.ok) expiresAt = zoned.iso;
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.expiresDate = { key: 'invalidDate' };
    else
      errors.expiresTime = { key: zoned.reason === 'invalid' ? 'invalidTime' : 'nonexistentTime' };
  }
  if (!label.ok || !maxUses.ok || errors.expiresDate || errors.expiresTime) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    body: { role: values.role, label: label.value, maxUses: maxUses.value, expiresAt },
  };
}
