import { createHash } from 'node:crypto';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { inject } from 'vitest';
import type { E2eServer } from './server.ts';

/**
 * The test run shares one LiveKit server, started before any Plenum server and so without a
 * webhook to any of them. This passes on what LiveKit itself reports about a room's participants
 * (their real sids and join times) as the signed `participant_joined` webhooks LiveKit would
 * send, through the server's public webhook route. Answers how many the server took.
 */
export async function relayJoinedParticipants(server: E2eServer, roomId: string): Promise<number> {
  const { apiKey, apiSecret } = inject('livekit');
  const rooms = new RoomServiceClient(server.livekitUrl.replace(/^ws/, 'http'), apiKey, apiSecret);
  let applied = 0;
  for (const participant of await rooms.listParticipants(roomId)) {
    const body = JSON.stringify({
      event: 'participant_joined',
      id: `EV_relay_${participant.sid}`,
      createdAt: String(Math.floor(Date.now() / 1000)),
      room: { name: roomId },
      participant: {
        sid: participant.sid,
        identity: participant.identity,
        joinedAt: String(participant.joinedAt),
      },
    });
    const token = new AccessToken(apiKey, apiSecret);
    token.sha256 = createHash('sha256').update(body).digest('base64');
    const response = await fetch(`${server.url}/api/livekit/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/webhook+json',
        authorization: await token.toJwt(),
      },
      body,
    });
    const answer = (await response.json()) as { result?: string };
    if (response.ok && answer.result === 'applied') applied += 1;
  }
  return applied;
}
