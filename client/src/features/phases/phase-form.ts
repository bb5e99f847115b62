import type { Room } from '@plenum/shared';
import { phaseLimits } from '@plenum/shared/limits';
import { checkText, checkWholeNumber } from '@plenum/shared/rules';
import type { FormErrors, FormResult } from '../../lib/form-rules.ts';
import type { PhaseBody } from './phases-api.ts';

/** The phase form: title, groups, duration, self-select; checked before it is sent. */

export interface PhaseFormValues {
  title: string;
  roomIds: string[];
  durationMinutes: string;
  selfSelect: boolean;
}
export type PhaseField = 'title' | 'roomIds' | 'durationMinutes';
export const phaseFields: readonly PhaseField[] = ['title', 'roomIds', 'durationMinutes'];

export function emptyPhaseForm(groups: readonly Pick<Room, 'id'>[]): PhaseFormValues {
  return { title: '', roomIds: groups.map((g) => g.id), durationMinutes: '60', selfSelect: true };
}

export function checkPhaseForm(values: PhaseFormValues): FormResult<PhaseField, PhaseBody> {
  const errors: FormErrors<PhaseField> = {};
  const title = checkText(values.title, phaseLimits.titleMax);
  if (!title.ok) errors.title = title.error;
  const roomIds = [...new Set(values.roomIds)];
  if (roomIds.length === 0) errors.roomIds = { key: 'chooseOne' };
  const duration = checkWholeNumber(values.durationMinutes, phaseLimits.durationMinutes);
  if (!duration.ok) errors.durationMinutes = duration.error;
  if (!title.ok || !duration.ok || errors.roomIds) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title: title.value,
      roomIds,
      durationMinutes: duration.value!,
      selfSelect: values.selfSelect,
    },
  };
}
