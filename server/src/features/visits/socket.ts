import {
  CHAT_PAGE_SIZE,
  GroupVisitInput,
  type GroupVisited,
  type Actor,
  type VisitNotice,
} from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import { currentRoomOf, roomOnConnect, socketRoom } from '../../realtime/rooms.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { chatHistory } from '../chat/service.ts';
import { handQueue } from '../hands/service.ts';
import { notesRights } from '../notes/access.ts';
import { docTarget } from '../notes/keys.ts';
import { getNotes } from '../phases/notes.ts';
import { openPhaseOf, phaseGroups } from '../phases/repository.ts';
import { announcePresenceOf } from '../presence/socket.ts';

/** A socket is in exactly one Plenum room: it leaves the one it is in before joining another. */
async function placeSocket(socket: PlenumSocket, roomId: string | null) {
  const current = currentRoomOf(socket.rooms);
  if (current === roomId) return;
  if (current) await socket.leave(socketRoom.room(current));
  if (roomId) await socket.join(socketRoom.room(roomId));
}

/**
 * Moderators and organizers looking into a working group (or the plenary): the media follow a
 * fresh token (REST), and with `group:visit` this socket follows into the room's Socket.IO room,
 * so that the visitor hears its chat, hands and notes like its members. Only this socket moves:
 * the person's other tabs stay where they are. `group:leave` brings it back to where the person
 * belongs (the plenary, or the group they are assigned to or moderate).
 */
export function registerVisitHandlers(rt: Realtime, socket: PlenumSocket) {
  onEvent(rt, socket, 'group:visit', GroupVisitInput, async (input, ctx) => {
    ctx.requireInEvent('room.visitAny', 'visit working groups');
    // The plenary too: a moderator who belongs in their group may look in there as well.
    const room = await ctx.room(input.roomId);
    const [hands, chat, notes] = await Promise.all([
      handQueue(rt.db, room.id),
      chatHistory(rt.db, room, { limit: CHAT_PAGE_SIZE }),
      notesOfOpenPhase(rt, ctx.actor, room.id),
    ]);
    const before = currentRoomOf(socket.rooms);
    await placeSocket(socket, room.id);
    await announcePresenceOf(rt, ctx.eventId, ctx.person.id);
    // A room learns of a visitor, not of its own moderator coming home; and that they went.
    const home = await roomOnConnect(rt, ctx.actor, socket.data.plenaryId);
    const visitor = {
      id: ctx.person.id,
      displayName: socket.data.displayName,
      role: ctx.actor.role,
    };
    if (before && before !== room.id && before !== home) visitLeft(rt, before, visitor);
    if (before !== room.id && home !== room.id) {
      rt.io
        .to(socketRoom.room(room.id))
        .except(socketRoom.person(ctx.person.id))
        .emit('visit:arrived', { roomId: room.id, visitor });
    }
    const visited: GroupVisited = {
      room: { id: room.id, name: room.name, kind: room.kind },
      hands,
      chat,
      notes,
    };
    return visited;
  });

  onEvent(rt, socket, 'group:leave', GroupVisitInput, async (input, ctx) => {
    const home = await roomOnConnect(rt, ctx.actor, socket.data.plenaryId);
    // Leaving a room one is not in, or one's own place, changes nothing.
    if (!socket.rooms.has(socketRoom.room(input.roomId)) || home === input.roomId) {
      return { roomId: currentRoomOf(socket.rooms) };
    }
    await placeSocket(socket, home);
    await announcePresenceOf(rt, ctx.eventId, ctx.person.id);
    visitLeft(rt, input.roomId, {
      id: ctx.person.id,
      displayName: socket.data.displayName,
      role: ctx.actor.role,
    });
    return { roomId: home };
  });
}

function visitLeft(rt: Realtime, roomId: string, visitor: VisitNotice['visitor']) {
  rt.io
    .to(socketRoom.room(roomId))
    .except(socketRoom.person(visitor.id))
    .emit('visit:left', { roomId, visitor });
}

/**
 * The group's notes in the phase that is open now, if the group is part of it and the visitor
 * may read them (the organizers and the group's own moderators; other visitors get null).
 */
async function notesOfOpenPhase(rt: Realtime, actor: Actor, roomId: string) {
  const phase = await openPhaseOf(rt.db, actor.eventId);
  if (!phase) return null;
  const groups = await phaseGroups(rt.db, phase.id);
  if (!groups.some((g) => g.roomId === roomId)) return null;
  const doc = docTarget({ kind: 'group', phaseId: phase.id, roomId }, actor.eventId);
  const rights = await notesRights(rt.db, actor, doc, '');
  return rights.read ? getNotes(rt.db, phase.id, roomId) : null;
}
