import { and, eq } from 'drizzle-orm';
import { TrackSource, TrackType, type RoomServiceClient } from 'livekit-server-sdk';
import { actionsOnPeople, mayActOnPerson, type Actor, type Role } from '@plenum/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { memberships, roomGrants } from '../../db/schema/index.ts';
import { AppError } from '../../lib/app-error.ts';
import { recordAudit } from '../audit/service.ts';
import { mayBeInRoomGiven } from '../access/room-access.ts';
import type { RoomRow } from '../rooms/repository.ts';
import type { RoomStanding } from '../access/signed-in.ts';
import { mediaRightsFor } from './grants.ts';
import type { KnownLivekitRooms } from './known-rooms.ts';
import { mintRoomToken } from './token.ts';

export interface LivekitDeps {
  url: string;
  apiKey: string;
  apiSecret: string;
  rooms: RoomServiceClient;
  /** Without it every token request creates its room in LiveKit (idempotent, one HTTP call). */
  known?: KnownLivekitRooms;
}

/** LiveKit down must not look like a server bug: a clear 503 the client can retry. */
async function callLivekit<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isNotFound(err)) throw err;
    throw new AppError(
      'unavailable',
      `The media server is not reachable (${what}); please try again shortly.`,
    );
  }
}

const isNotFound = (err: unknown) =>
  (err as { status?: number })?.status === 404 ||
  /not found|does not exist/i.test(String((err as Error)?.message));

/**
 * Creates the LiveKit room for a Plenum room if it is not there yet (LiveKit makes this
 * idempotent). `servedIds` get a token for it right after (a move): see KnownLivekitRooms.
 */
export async function ensureLivekitRoom(
  livekit: LivekitDeps,
  room: RoomRow,
  servedIds: Iterable<string> = [],
) {
  const create = () =>
    callLivekit('create room', () =>
      livekit.rooms.createRoom({
        name: room.id,
        emptyTimeout: 10 * 60,
        departureTimeout: 30,
        // A little headroom over capacity for moderators and organizers visiting.
        maxParticipants: room.capacity ? room.capacity + 10 : 0,
      }),
    );
  await (livekit.known ? livekit.known.createOnce(room.id, create) : create());
  livekit.known?.remember(room.id, servedIds);
}

export async function deleteLivekitRoom(livekit: LivekitDeps, roomId: string) {
  livekit.known?.forget(roomId);
  try {
    await livekit.rooms.deleteRoom(roomId);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

async function isPromoted(db: DbOrTx, roomId: string, personId: string) {
  const [row] = await db
    .select({ canPublish: roomGrants.canPublish })
    .from(roomGrants)
    .where(and(eq(roomGrants.roomId, roomId), eq(roomGrants.personId, personId)));
  return row?.canPublish ?? false;
}

export async function rightsOf(db: DbOrTx, role: Role, room: RoomRow, personId: string) {
  return mediaRightsFor({
    role,
    roomKind: room.kind,
    promoted: await isPromoted(db, room.id, personId),
  });
}

/**
 * A token for exactly this room with exactly the caller's rights, or a clear refusal. The
 * caller read the person's standing in the room beforehand (one query, see access/signed-in.ts).
 */
export async function issueRoomToken(
  livekit: LivekitDeps,
  person: { personId: string; displayName: string },
  actor: Actor,
  room: RoomRow,
  standing: RoomStanding,
) {
  if (standing.removed) {
    throw new AppError('forbidden', 'A moderator removed you from this room.');
  }
  if (!mayBeInRoomGiven(actor, room, standing)) {
    throw new AppError('forbidden', 'You are not a member of this working group.');
  }
  const rights = mediaRightsFor({
    role: actor.role!,
    roomKind: room.kind,
    promoted: standing.promoted,
  });
  if (!livekit.known?.trustFor(room.id, person.personId)) {
    await ensureLivekitRoom(livekit, room, [person.personId]);
  }
  const token = await mintRoomToken({ ...person, roomId: room.id, rights }, livekit);
  return {
    url: livekit.url,
    token,
    room: { id: room.id, name: room.name, kind: room.kind },
    rights: { canPublish: rights.canPublish, canSubscribe: rights.canSubscribe },
  };
}

export type ModeratorAction = 'promote' | 'demote' | 'mute' | 'remove' | 'readmit';

/** The target must belong to the same event: ids guessed from elsewhere change nothing. */
async function roleInEvent(db: DbOrTx, eventId: string, personId: string): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.eventId, eventId), eq(memberships.personId, personId)));
  if (!row) throw new AppError('not_found', 'Participant not found in this event');
  return row.role;
}

/**
 * A moderator's action on one participant: stored and audited first, then applied in LiveKit
 * (rights replaced whole, publishing stops at once). A participant who is not connected right now
 * gets the new rights with their next token. Nobody removes, demotes or mutes a higher role.
 */
export async function moderateParticipant(
  db: Db,
  livekit: LivekitDeps,
  input: {
    actorId: string;
    actorRole: Role | null;
    room: RoomRow;
    targetId: string;
    action: ModeratorAction;
    source?: 'microphone' | 'camera' | 'screen_share';
  },
) {
  const { room, targetId, action } = input;
  const role = await roleInEvent(db, room.eventId, targetId);
  const againstPerson = (actionsOnPeople as readonly string[]).includes(action);
  if (againstPerson && !mayActOnPerson(input.actorRole, role)) {
    throw new AppError('forbidden', `You cannot ${action} a person of a higher role.`);
  }
  await db.transaction(async (tx) => {
    if (action !== 'mute') {
      const change = {
        promote: { canPublish: true },
        demote: { canPublish: false },
        remove: { canPublish: false, removedAt: new Date() },
        readmit: { removedAt: null },
      }[action];
      await tx
        .insert(roomGrants)
        .values({ roomId: room.id, personId: targetId, canPublish: false, ...change })
        .onConflictDoUpdate({
          target: [roomGrants.roomId, roomGrants.personId],
          set: { ...change, updatedAt: new Date() },
        });
    }
    await recordAudit(tx, {
      eventId: room.eventId,
      actorId: input.actorId,
      action: `participant.${action}`,
      target: targetId,
      details: { roomId: room.id, ...(input.source && { source: input.source }) },
    });
  });

  const ignoreAbsent = (err: unknown) => {
    if (!isNotFound(err)) throw err;
  };
  if (action === 'promote' || action === 'demote') {
    const rights = await rightsOf(db, role, room, targetId);
    await callLivekit('update participant', () =>
      livekit.rooms.updateParticipant(room.id, targetId, { permission: rights }),
    ).catch(ignoreAbsent);
  } else if (action === 'remove') {
    await callLivekit('remove participant', () =>
      livekit.rooms.removeParticipant(room.id, targetId),
    ).catch(ignoreAbsent);
  } else if (action === 'mute') {
    await muteSource(livekit, room.id, targetId, input.source ?? 'microphone');
  }
}

const sourceOf = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
  screen_share: TrackSource.SCREEN_SHARE,
};

async function muteSource(
  livekit: LivekitDeps,
  roomId: string,
  personId: string,
  source: keyof typeof sourceOf,
) {
  const participant = await callLivekit('get participant', () =>
    livekit.rooms.getParticipant(roomId, personId),
  ).catch((err) => {
    if (isNotFound(err))
      throw new AppError('not_found', 'This participant is not connected to the room.');
    throw err;
  });
  const tracks = participant.tracks.filter(
    (t) =>
      t.source === sourceOf[source] ||
      (source === 'microphone' && t.type === TrackType.AUDIO && t.source === TrackSource.UNKNOWN),
  );
  for (const track of tracks) {
    await callLivekit('mute track', () =>
      livekit.rooms.mutePublishedTrack(roomId, personId, track.sid, true),
    );
  }
  return tracks.length;
}
