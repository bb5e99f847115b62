import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { roomPlacement } from './cluster.ts';

/**
 * LiveKit's multi-node mode itself: a participant who reaches the node that does not hold the
 * room (as the balancer may send anyone) is relayed to the room's node and meets the others there.
 */
const scale = inject('scale');
// @livekit/rtc-node logs at debug level to stdout unless NODE_ENV is production.
process.env.NODE_ENV = 'production';
const { Room } = await import('@livekit/rtc-node');

const roomName = `relay-check-${Date.now()}`;
const rooms: InstanceType<typeof Room>[] = [];
const api = scale.livekits.map(
  (lk) =>
    new RoomServiceClient(
      lk.url.replace('ws:', 'http:'),
      scale.livekit.apiKey,
      scale.livekit.apiSecret,
    ),
);

/** A node's id, from the first line of its log that names it. */
function nodeIdOf(logFile: string): string {
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const id = line.startsWith('{') ? (JSON.parse(line) as { nodeID?: string }).nodeID : undefined;
    if (id) return id;
  }
  throw new Error(`no node id in ${logFile}`);
}

async function join(url: string, identity: string) {
  const token = new AccessToken(scale.livekit.apiKey, scale.livekit.apiSecret, { identity });
  token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false });
  const room = new Room();
  rooms.push(room);
  await room.connect(url, await token.toJwt(), { autoSubscribe: true, dynacast: false });
  return room;
}

afterAll(async () => {
  await Promise.all(rooms.map((r) => r.disconnect().catch(() => {})));
  await api[0]!.deleteRoom(roomName).catch(() => {});
});

describe('LiveKit in multi-node mode behind the balancer', () => {
  it('a participant signalling to the other node is relayed to the room’s node', async () => {
    await api[0]!.createRoom({ name: roomName, emptyTimeout: 60 });
    const placedOn = (await roomPlacement())[roomName];
    const ids = scale.livekits.map((lk) => nodeIdOf(lk.logFile));
    const host = ids.indexOf(placedOn!);
    expect(host, `room placed on a known node (${placedOn}; nodes ${ids.join(', ')})`).not.toBe(-1);
    const other = 1 - host;

    const viaHost = await join(scale.livekits[host]!.url, 'via-host');
    const viaOther = await join(scale.livekits[other]!.url, 'via-other');
    const until = Date.now() + 10_000;
    while (viaHost.remoteParticipants.size < 1 || viaOther.remoteParticipants.size < 1) {
      if (Date.now() > until) throw new Error('the two participants did not meet');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Either node's API sees both, and only the room's node ran their sessions.
    for (const client of api) {
      const people = await client.listParticipants(roomName);
      expect(people.map((p) => p.identity).sort()).toEqual(['via-host', 'via-other']);
    }
    const sessions = (i: number) =>
      readFileSync(scale.livekits[i]!.logFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"starting RTC session"') && l.includes(roomName))
        .map((l) => (JSON.parse(l) as { participant: string }).participant)
        .sort();
    expect(sessions(host)).toEqual(['via-host', 'via-other']);
    expect(sessions(other)).toEqual([]);
  });
});
