import { AccessToken } from 'livekit-server-sdk';
import type { MediaRights } from './grants.ts';

/** Tokens are short-lived: a removed or demoted person cannot reuse an old one for long. */
export const TOKEN_TTL_SECONDS = 10 * 60;

export interface TokenSubject {
  /** Person id: opaque, no personal data in LiveKit. */
  personId: string;
  displayName: string;
  /** Plenum room id, which is also the LiveKit room name. */
  roomId: string;
  rights: MediaRights;
}

/**
 * The only place that signs LiveKit JWTs for clients. One room, the caller's rights, never
 * roomAdmin, roomCreate or roomList.
 */
export async function mintRoomToken(
  subject: TokenSubject,
  keys: { apiKey: string; apiSecret: string },
): Promise<string> {
  const token = new AccessToken(keys.apiKey, keys.apiSecret, {
    identity: subject.personId,
    name: subject.displayName,
    ttl: TOKEN_TTL_SECONDS,
  });
  token.addGrant({
    room: subject.roomId,
    roomJoin: true,
    roomAdmin: false,
    roomCreate: false,
    roomList: false,
    canPublish: subject.rights.canPublish,
    canPublishData: subject.rights.canPublishData,
    canSubscribe: subject.rights.canSubscribe,
    canPublishSources: subject.rights.canPublishSources,
  });
  return token.toJwt();
}
