import type { Room } from '@plenum/shared';
// The zod-free subpath: the package index would bring every zod schema into the event page.
import {
  can,
  type Actor,
  type EventAction,
  type Role,
  type RoomAction,
} from '@plenum/shared/access';

/**
 * What the person may do, by the same `can()` the server decides with. The client only hides what
 * the server would refuse; it never grants anything.
 */
export function actorOf(
  personId: string,
  eventId: string,
  role: Role | null,
  rooms: readonly Room[],
): Actor {
  const moderatedRoomIds = new Set(
    rooms.filter((r) => r.moderatorIds.includes(personId)).map((r) => r.id),
  );
  return { personId, eventId, role, moderatedRoomIds };
}

export function mayInRoom(
  actor: Actor,
  action: RoomAction,
  room: { id: string; kind: Room['kind'] },
): boolean {
  return can(actor, action, { eventId: actor.eventId, roomId: room.id, kind: room.kind });
}

export function mayInEvent(actor: Actor, action: EventAction): boolean {
  return can(actor, action, { eventId: actor.eventId });
}
