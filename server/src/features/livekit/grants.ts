import { TrackSource } from 'livekit-server-sdk';
import { can, type Role, type RoomKind } from '@plenum/shared';

export interface MediaRights {
  canPublish: boolean;
  canPublishData: boolean;
  canSubscribe: boolean;
  canPublishSources: TrackSource[];
}

const publishSources = [
  TrackSource.CAMERA,
  TrackSource.MICROPHONE,
  TrackSource.SCREEN_SHARE,
  TrackSource.SCREEN_SHARE_AUDIO,
];

/**
 * What a person may do with media in a room, from their role, the room's kind, and whether a
 * moderator promoted them. The plenary is watched by attendees; in a working group everyone
 * speaks. This is the complete set: updateParticipant replaces every field, so it is always sent
 * whole.
 */
export function mediaRightsFor(input: {
  role: Role;
  roomKind: RoomKind;
  promoted: boolean;
}): MediaRights {
  // A captioner listens wherever they caption, promoted or not.
  const publishes =
    can(input.role, 'room.contribute') &&
    (input.roomKind === 'working_group' || can(input.role, 'plenary.present') || input.promoted);
  return {
    canPublish: publishes,
    canPublishData: publishes,
    canSubscribe: true,
    canPublishSources: publishes ? publishSources : [],
  };
}
