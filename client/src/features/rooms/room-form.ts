import type { Room } from '@plenum/shared';
import { roomLimits } from '@plenum/shared/limits';
import { checkText, checkWholeNumber } from '@plenum/shared/rules';
import type { FormErrors, FormResult } from '../../lib/form-rules.ts';
import type { WorkingGroupBody } from './rooms-api.ts';

/** The working-group form: what the organizer typed, checked, and what it sends. */

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

export function checkRoomForm(values: RoomFormValues): FormResult<RoomField, WorkingGroupBody> {
  const errors: FormErrors<RoomField> = {};
  const name = checkText(values.name, roomLimits.nameMax);
  if (!name.ok) errors.name = name.error;
  const description = checkText(values.description, roomLimits.descriptionMax, true);
  if (!description.ok) errors.description = description.error;
  const capacity = checkWholeNumber(values.capacity, roomLimits.capacity, true);
  if (!capacity.ok) errors.capacity = capacity.error;
  const moderatorIds = [...new Set(values.moderatorIds)];
  if (moderatorIds.length > roomLimits.moderatorsMax) {
    errors.moderatorIds = { key: 'numberRange', min: 0, max: roomLimits.moderatorsMax };
  }
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
