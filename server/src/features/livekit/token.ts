import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { TrackSource } from 'livekit-server-sdk';
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

const sourceNames: Partial<Record<TrackSource, string>> = {
  [TrackSource.CAMERA]: 'camera',
  [TrackSource.MICROPHONE]: 'microphone',
  [TrackSource.SCREEN_SHARE]: 'screen_share',
  [TrackSource.SCREEN_SHARE_AUDIO]: 'screen_share_audio',
};

// Turning the secret into a key costs more than the HMAC itself; there is one secret per process.
const keyObjects = new Map<string, KeyObject>();
const keyOf = (secret: string) => {
  let key = keyObjects.get(secret);
  if (!key) keyObjects.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
};

const header = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

/**
 * The only place that signs LiveKit JWTs for clients. One room, the caller's rights, never
 * roomAdmin, roomCreate or roomList. The claims are exactly those of livekit-server-sdk's
 * AccessToken (name, video grant, iss, exp, nbf, sub); we sign the HS256 JWT with node:crypto
 * ourselves because a phase opening for 1000 people mints 1000 at once, and the SDK's jose
 * path costs several times more per token.
 */
export function mintRoomTokenNow(
  subject: TokenSubject,
  keys: { apiKey: string; apiSecret: string },
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    name: subject.displayName,
    video: {
      room: subject.roomId,
      roomJoin: true,
      roomAdmin: false,
      roomCreate: false,
      roomList: false,
      canPublish: subject.rights.canPublish,
      canPublishData: subject.rights.canPublishData,
      canSubscribe: subject.rights.canSubscribe,
      canPublishSources: subject.rights.canPublishSources.map((s) => {
        const name = sourceNames[s];
        if (!name) throw new TypeError(`no LiveKit name for track source ${s}`);
        return name;
      }),
    },
    iss: keys.apiKey,
    exp: now + TOKEN_TTL_SECONDS,
    nbf: now,
    sub: subject.personId,
  };
  const body = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = createHmac('sha256', keyOf(keys.apiSecret)).update(body).digest('base64url');
  return `${body}.${signature}`;
}

/** As mintRoomTokenNow, for callers that await (the signature used to be asynchronous). */
export async function mintRoomToken(
  subject: TokenSubject,
  keys: { apiKey: string; apiSecret: string },
): Promise<string> {
  return mintRoomTokenNow(subject, keys);
}
