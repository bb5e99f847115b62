import type { Room } from '@plenum/shared';
import { useRemoteList } from '../../app/useRemoteList.ts';
import { useResync } from '../realtime/RealtimeContext.tsx';
import { roomsApi } from './rooms-api.ts';

/** The event's rooms for the console: the working groups are what it edits and builds phases of. */
export function useConsoleRooms(slug: string) {
  const list = useRemoteList(`rooms:${slug}`, (signal) => roomsApi.rooms(slug, signal));
  useResync(list.reload);
  const groups = list.items.filter((r) => r.kind === 'working_group');
  return {
    ...list,
    groups,
    put: (room: Room) =>
      list.update((rooms) =>
        rooms.some((r) => r.id === room.id)
          ? rooms.map((r) => (r.id === room.id ? room : r))
          : [...rooms, room],
      ),
    remove: (roomId: string) => list.update((rooms) => rooms.filter((r) => r.id !== roomId)),
  };
}
export type ConsoleRooms = ReturnType<typeof useConsoleRooms>;
