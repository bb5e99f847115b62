import { describe, expect, it } from 'vitest';
import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import { mediaRightsFor } from './grants.ts';
import { mintRoomTokenNow, TOKEN_TTL_SECONDS } from './token.ts';

const keys = { apiKey: 'tokentest', apiSecret: 'token-test-secret-token-test-secret-0123456' };
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

describe('LiveKit tokens', () => {
  for (const promoted of [false, true]) {
    it(`carry exactly the claims of the LiveKit SDK's own token (${promoted ? 'publisher' : 'watcher'})`, async () => {
      const subject = {
        personId: crypto.randomUUID(),
        displayName: 'Jörg Müller-Lüdenscheidt',
        roomId: crypto.randomUUID(),
        rights: mediaRightsFor({ role: 'attendee', roomKind: 'plenary', promoted }),
      };
      const ours = mintRoomTokenNow(subject, keys);
      const sdk = new AccessToken(keys.apiKey, keys.apiSecret, {
        identity: subject.personId,
        name: subject.displayName,
        ttl: TOKEN_TTL_SECONDS,
      });
      sdk.addGrant({
        room: subject.roomId,
        roomJoin: true,
        roomAdmin: false,
        roomCreate: false,
        roomList: false,
        ...subject.rights,
      });
      const theirs = claims(await sdk.toJwt());
      const mine = claims(ours);
      // Issued within the same second or the next.
      expect(Math.abs((mine.nbf as number) - (theirs.nbf as number))).toBeLessThanOrEqual(1);
      expect({ ...mine, nbf: 0, exp: 0 }).toEqual({ ...theirs, nbf: 0, exp: 0 });
      expect((mine.exp as number) - (mine.nbf as number)).toBe(TOKEN_TTL_SECONDS);
      const verified = await new TokenVerifier(keys.apiKey, keys.apiSecret).verify(ours);
      expect(verified.sub).toBe(subject.personId);
      await expect(
        new TokenVerifier(keys.apiKey, 'another-secret-another-secret-another-0123').verify(ours),
      ).rejects.toThrow();
    });
  }
});
