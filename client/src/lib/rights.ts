import type { Actor, EventAction, Role, Room, RoomAction } from '@plenum/shared';
// The permission matrix itself, without the package index: that would bring every zod schema
// of @plenum/shared (~27 KB gzip) into the event page for one pure function.
import { can } from '../../../shared/src/access/permissions.ts';

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
