import type { Role, Room } from '@plenum/shared';
import type { InvitationBody, PhaseBody, WorkingGroupBody } from '../../lib/request.ts';
import {
  checkText,
  checkWholeNumber,
  type Checked,
  type FormError,
  type FormErrors,
} from '../../lib/form-rules.ts';
import { zonedIso } from '../../lib/zoned-time.ts';

/** The console's smaller forms: working groups, phases, invitations, and minutes for live changes. */

type Result<F extends string, B> = { ok: true; body: B } | { ok: false; errors: FormErrors<F> };

// ---------- Working groups ----------

export interface RoomFormValues {
  name: string;
  description: string;
  /** Empty: no limit. */
  capacity: string;
  moderatorIds: string[];
}
export type RoomField = 'name' | 'description' | 'capacity' | 'moderatorIds';
export const roomFields: readonly RoomField[] = ['name', 'description', 'capacity', 'moderatorIds'];

export const emptyRoomForm: RoomFormValues = {
  name: '',
  description: '',
  capacity: '',
  moderatorIds: [],
};

export function roomFormFromRoom(room: Room): RoomFormValues {
  return {
    name: room.name,
    description: room.description,
    capacity: room.capacity === null ? '' : String(room.capacity),
    moderatorIds: [...room.moderatorIds],
  };
}

export function checkRoomForm(values: RoomFormValues): Result<RoomField, WorkingGroupBody> {
  const errors: FormErrors<RoomField> = {};
  const name = checkText(values.name, 200);
  if (!name.ok) errors.name = name.error;
  const description = checkText(values.description, 5000, true);
  if (!description.ok) errors.description = description.error;
  const capacity = checkWholeNumber(values.capacity, 1, 10_000, true);
  if (!capacity.ok) errors.capacity = capacity.error;
  const moderatorIds = [...new Set(values.moderatorIds)];
  if (moderatorIds.length > 20) errors.moderatorIds = { key: 'numberRange', min: 0, max: 20 };
  if (!name.ok || !description.ok || !capacity.ok || errors.moderatorIds)
    return { ok: false, errors };
  return {
    ok: true,
    body: {
      name: name.value,
      description: description.value,
      capacity: capacity.value,
      moderatorIds,
    },
  };
}

/** Only the changed fields of a working group; null when nothing changed. */
export function roomPatch(room: Room, body: WorkingGroupBody): Partial<WorkingGroupBody> | null {
  const patch: Partial<WorkingGroupBody> = {};
  if (body.name !== room.name) patch.name = body.name;
  if (body.description !== room.description) patch.description = body.description;
  if (body.capacity !== room.capacity) patch.capacity = body.capacity;
  const before = [...room.moderatorIds].sort().join();
  if ([...body.moderatorIds].sort().join() !== before) patch.moderatorIds = body.moderatorIds;
  return Object.keys(patch).length > 0 ? patch : null;
}

// ---------- Phases ----------

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

export function checkPhaseForm(values: PhaseFormValues): Result<PhaseField, PhaseBody> {
  const errors: FormErrors<PhaseField> = {};
  const title = checkText(values.title, 200);
  if (!title.ok) errors.title = title.error;
  const roomIds = [...new Set(values.roomIds)];
  if (roomIds.length === 0) errors.roomIds = { key: 'chooseOne' };
  const duration = checkWholeNumber(values.durationMinutes, 5, 480);
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

// ---------- Invitations ----------

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
): Result<InvitationField, InvitationBody> {
  const errors: FormErrors<InvitationField> = {};
  const label = checkText(values.label, 120, true);
  if (!label.ok) errors.label = label.error;
  const maxUses = checkWholeNumber(values.maxUses, 1, 100_000, true);
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

// ---------- Minutes for live changes ----------

export type MinutesUse = 'agendaExtend' | 'agendaShift' | 'phaseExtend';

const minuteLimits: Record<MinutesUse, [number, number]> = {
  agendaExtend: [1, 240],
  agendaShift: [-240, 240],
  phaseExtend: [1, 120],
};

/** Minutes for extend (positive) or shift (a delay, or negative for a gain; never 0). */
export function checkMinutes(text: string, use: MinutesUse): Checked<number> {
  const [min, max] = minuteLimits[use];
  const checked = checkWholeNumber(text, min, max);
  if (!checked.ok) return checked;
  if (checked.value === 0) return { ok: false, error: { key: 'notZero' } satisfies FormError };
  return { ok: true, value: checked.value! };
}
