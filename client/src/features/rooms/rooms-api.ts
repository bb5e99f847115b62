import type { Room } from '@plenum/shared';
import { eventPath as event, segment as s, send } from '../../lib/request.ts';

export interface WorkingGroupBody {
  name: string;
  description: string;
  capacity: number | null;
  moderatorIds: string[];
}

/** The organizer's calls for the working groups (rooms) of an event. */
export const roomsApi = {
  rooms: (slug: string, signal?: AbortSignal) =>
    send<Room[]>('GET', `${event(slug)}/rooms`, undefined, signal),
  createRoom: (slug: string, body: WorkingGroupBody) =>
    send<Room>('POST', `${event(slug)}/rooms`, { json: body }),
  updateRoom: (slug: string, roomId: string, patch: Partial<WorkingGroupBody>) =>
    send<Room>('PATCH', `${event(slug)}/rooms/${s(roomId)}`, { json: patch }),
  deleteRoom: (slug: string, roomId: string) =>
    send<void>('DELETE', `${event(slug)}/rooms/${s(roomId)}`),
};
