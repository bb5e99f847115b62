import type { FastifyInstance } from 'fastify';
import type { RoomAssigned } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import type { PlenumServer, PlenumSocket } from '../../realtime/types.ts';
import { currentRoomOf, socketRoom } from '../../realtime/rooms.ts';
import type { PresenceBroadcaster } from '../presence/broadcast.ts';
import { mediaRightsFor } from '../livekit/grants.ts';
import { mintRoomToken } from '../livekit/token.ts';
import { ensureLivekitRoom, deleteLivekitRoom, type LivekitDeps } from '../livekit/service.ts';
import { findPlenary, findRoomById, roomIdsOf, type RoomRow } from '../rooms/repository.ts';
import { groupDocKey, notesRoom } from '../notes/keys.ts';
import { roomAssigned } from './broadcast.ts';
import { phasesAtConnect } from './at-connect.ts';
import {
  eventMembers,
  phaseGroupRooms,
  phaseGroups,
  roomOfPersonInPhase,
  roomsOfEveryoneInPhase,
  type PhaseRow,
} from './repository.ts';

export interface DispatchDeps {
  db: Db;
  io: PlenumServer;
  livekit: LivekitDeps;
  presence: PresenceBroadcaster;
}

export const dispatchDeps = (app: FastifyInstance): DispatchDeps => ({
  db: app.db,
  io: app.realtime.io,
  livekit: app.livekit,
  presence: app.realtime.presence,
});

/** What a move reads about the event; one read serves all groups of a phase. */
interface EventView {
  members: Map<string, Awaited<ReturnType<typeof eventMembers>>[number]>;
  eventRoomIds: string[];
}

/**
 * The event's rooms and its members, or only the members of `personIds`: a reconnecting socket
 * moves one person, and after a restart a thousand of them reconnect at once (a thousand reads of
 * every member would be a million rows).
 */
async function readEventView(db: Db, eventId: string, personIds?: string[]): Promise<EventView> {
  const [members, eventRoomIds] = await Promise.all([
    eventMembers(db, eventId, personIds),
    roomIdsOf(db, eventId),
  ]);
  return { members: new Map(members.map((m) => [m.personId, m])), eventRoomIds };
}

/**
 * Moves people between rooms after the move was stored: their sockets leave and join Socket.IO
 * rooms on every node, and each person gets `room:assigned` with a fresh token for the new
 * room. The client switches by itself.
 */
async function movePeople(
  deps: DispatchDeps,
  eventId: string,
  targets: Map<string, RoomRow>,
  info: Pick<RoomAssigned, 'phaseId' | 'reason' | 'deadlineAt'>,
  view?: EventView,
) {
  // When a whole phase opens or closes, every client reloads its people list on its own room
  // change; a presence entry per person to every client would be quadratic (90 MB at 1000).
  const announcePresence = targets.size === 1;
  const { members, eventRoomIds } =
    view ?? (await readEventView(deps.db, eventId, [...targets.keys()]));
  const byRoom = new Map<string, string[]>();
  for (const [personId, room] of targets)
    byRoom.set(room.id, [...(byRoom.get(room.id) ?? []), personId]);

  // One adapter broadcast per room, not per person: sockets leave every other room of the move.
  for (const [roomId, personIds] of byRoom) {
    const sockets = deps.io.in(personIds.map(socketRoom.person));
    const others = eventRoomIds.filter((id) => id !== roomId);
    sockets.socketsLeave(others.map(socketRoom.room));
    // The notes of a group one no longer belongs to stop at once (a closed phase's: final anyway).
    const phaseId = info.phaseId;
    if (phaseId) sockets.socketsLeave(others.map((id) => notesRoom(groupDocKey(phaseId, id))));
    sockets.socketsJoin(socketRoom.room(roomId));
  }
  // People lists show where everyone is: a single person moved is now elsewhere.
  const online = announcePresence
    ? new Set(
        (await deps.io.in(socketRoom.person([...targets.keys()][0]!)).fetchSockets()).map(
          (s) => s.data.personId,
        ),
      )
    : new Set<string>();
  const now = new Date().toISOString();
  let minted = 0;
  for (const [personId, room] of targets) {
    const member = members.get(personId);
    if (!member) continue;
    // Signing a thousand tokens in one go would stall the event loop for everyone else.
    if (++minted % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    const rights = mediaRightsFor({ role: member.role, roomKind: room.kind, promoted: false });
    if (online.has(personId)) {
      deps.presence.queue(
        eventId,
        {
          personId,
          displayName: member.displayName,
          online: true,
          roomId: room.id,
          lastSeenAt: now,
          canPublish: rights.canPublish,
          // Tokens of a move carry no promotion: the word is given again where it matters.
          promoted: false,
        },
        member.role,
      );
    }
    const token = await mintRoomToken(
      { personId, displayName: member.displayName, roomId: room.id, rights },
      deps.livekit,
    );
    roomAssigned(deps.io, personId, {
      ...info,
      media: {
        url: deps.livekit.url,
        token,
        room: { id: room.id, name: room.name, kind: room.kind },
        rights: { canPublish: rights.canPublish, canSubscribe: rights.canSubscribe },
      },
    });
  }
}

/**
 * Makes the LiveKit rooms of a phase's groups. The open route starts this beside the open
 * transaction (neither waits for the other); dispatchOpened then finds them made.
 */
export async function ensurePhaseRooms(db: Db, livekit: LivekitDeps, phaseId: string) {
  const groups = await phaseGroupRooms(db, phaseId);
  await Promise.all(groups.map((room) => ensureLivekitRoom(livekit, room)));
}

/**
 * After a phase opened: everyone with a group goes there. Each group moves as soon as its
 * LiveKit room exists (a client joins right away, and LiveKit creates no rooms by itself).
 */
export async function dispatchOpened(deps: DispatchDeps, phase: PhaseRow) {
  const [groups, placed, view] = await Promise.all([
    phaseGroupRooms(deps.db, phase.id),
    roomsOfEveryoneInPhase(deps.db, phase.id),
    readEventView(deps.db, phase.eventId),
  ]);
  const info = {
    phaseId: phase.id,
    reason: 'phase_opened' as const,
    deadlineAt: phase.deadlineAt?.toISOString() ?? null,
  };
  await Promise.all(
    groups.map(async (room) => {
      const targets = new Map<string, RoomRow>();
      for (const [personId, roomId] of placed) if (roomId === room.id) targets.set(personId, room);
      if (deps.livekit.known?.isFresh(room.id)) deps.livekit.known.served(room.id, targets.keys());
      else await ensureLivekitRoom(deps.livekit, room, targets.keys());
      await movePeople(deps, phase.eventId, targets, info, view);
    }),
  );
}

/** After a phase closed: everyone back to the plenary with plenary rights; group rooms go. */
export async function dispatchClosed(deps: DispatchDeps, phase: PhaseRow) {
  const plenary = await findPlenary(deps.db, phase.eventId);
  const groups = await phaseGroups(deps.db, phase.id);
  const [everyone, eventRoomIds] = await Promise.all([
    eventMembers(deps.db, phase.eventId),
    roomIdsOf(deps.db, phase.eventId),
  ]);
  // LiveKit closed the plenary after its empty timeout while everyone was in groups (or lost it
  // in a restart), and creates no rooms by itself: make it before anyone gets a token for it.
  // Always asked, never taken from the known-rooms cache: a close happens once per phase. With
  // LiveKit down, everyone still returns; their token requests make the room once it is back.
  await ensureLivekitRoom(
    deps.livekit,
    plenary,
    everyone.map((m) => m.personId),
  ).catch(() => {});
  // Everyone, visitors of groups included, returns: each socket leaves every other room.
  const members = new Map(everyone.map((m) => [m.personId, m]));
  await movePeople(
    deps,
    phase.eventId,
    new Map(everyone.map((m) => [m.personId, plenary])),
    { phaseId: phase.id, reason: 'phase_closed', deadlineAt: null },
    { members, eventRoomIds },
  );
  // Deleting the LiveKit rooms disconnects anyone still in them: nobody stays in a closed group.
  await Promise.all(groups.map((g) => deleteLivekitRoom(deps.livekit, g.roomId).catch(() => {})));
}

/**
 * A fresh connection while a phase is open: the person's client learns its group (and gets a
 * token for it) as if the phase had just opened — after a reload, a restart or on a late join.
 * Called as the socket connects; a visit it makes (or a move) before this is done is not undone.
 */
export async function dispatchOnConnect(deps: DispatchDeps, socket: PlenumSocket) {
  const { eventId, personId } = socket.data;
  const startedIn = currentRoomOf(socket.rooms);
  const phase = (await phasesAtConnect(deps.db, socket)).open;
  if (!phase) return;
  const roomId = await roomOfPersonInPhase(deps.db, phase.id, personId);
  if (!roomId) return;
  const room = await findRoomById(deps.db, roomId);
  // After a restart everyone reconnects at once: one LiveKit call per group, not per person.
  // The person counts as served, so that a token request of theirs makes sure of the room again.
  if (deps.livekit.known?.isFresh(roomId)) deps.livekit.known.served(roomId, [personId]);
  else await ensureLivekitRoom(deps.livekit, room!, [personId]);
  const view = await readEventView(deps.db, eventId, [personId]);
  // Checked in the same turn as the move: the socket went elsewhere meanwhile, and stays there.
  if (socket.disconnected || currentRoomOf(socket.rooms) !== startedIn) return;
  await movePeople(
    deps,
    eventId,
    new Map([[personId, room!]]),
    {
      phaseId: phase.id,
      reason: 'reconnected',
      deadlineAt: phase.deadlineAt?.toISOString() ?? null,
    },
    view,
  );
}

/** One person moved mid-phase by an organizer. */
export async function dispatchMoved(
  deps: DispatchDeps,
  phase: PhaseRow,
  personId: string,
  roomId: string,
) {
  const room = await findRoomById(deps.db, roomId);
  await ensureLivekitRoom(deps.livekit, room!);
  await movePeople(deps, phase.eventId, new Map([[personId, room!]]), {
    phaseId: phase.id,
    reason: 'moved',
    deadlineAt: phase.deadlineAt?.toISOString() ?? null,
  });
}

/**
 * A working group was deleted (and with it its assignments): whoever is in it — members and
 * visitors — goes back to the plenary with a token for it, then its LiveKit room goes, which
 * disconnects anyone still there and leaves earlier tokens nothing to join.
 */
export async function dispatchRoomDeleted(deps: DispatchDeps, eventId: string, roomId: string) {
  const inside = deps.io.in(socketRoom.room(roomId));
  const personIds = new Set((await inside.fetchSockets()).map((s) => s.data.personId));
  inside.socketsLeave(socketRoom.room(roomId));
  if (personIds.size > 0) {
    const plenary = await findPlenary(deps.db, eventId);
    await ensureLivekitRoom(deps.livekit, plenary, personIds).catch(() => {});
    const targets = new Map([...personIds].map((id) => [id, plenary]));
    await movePeople(deps, eventId, targets, { phaseId: null, reason: 'moved', deadlineAt: null });
  }
  await deleteLivekitRoom(deps.livekit, roomId);
}
