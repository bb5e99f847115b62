/**
 * media-join part (a): headless participants join the plenary one after another (or C at a time)
 * and wait for the first remote track, a tone the organizer publishes. Each join is timed from
 * asking for a token until that track is subscribed. Plenum joins ask the real token route with
 * a real session; bare joins sign the token right here with livekit-server-sdk. Both kinds
 * alternate batch by batch in the same room, so load and room size change alike for both.
 */
import { publishTone } from '../../server/src/test/media.ts';
import { httpPost, sleep } from './harness.ts';
import { directToken, type MediaLivekit } from './media-livekit.ts';
import { joinUntilFirstTrack, Room, TrackKind } from './rtc-participants.ts';

export type JoinKind = 'bare' | 'plenum';

export interface JoinSample {
  kind: JoinKind;
  tokenMs: number;
  connectMs: number;
  /** token request start → first remote track subscribed: the figure that counts. */
  totalMs: number;
}

export interface JoinSeries {
  samples: JoinSample[];
  errors: Record<JoinKind, string[]>;
}

interface Setup {
  lk: MediaLivekit;
  url: string;
  plenaryId: string;
  attendeeCookies: string[];
  organizerCookie: string;
  concurrency: number;
}

/** A Plenum token for a room through the real route, as the browser asks for it. */
export async function plenumToken(url: string, roomId: string, cookie: string) {
  const answer = await httpPost(`${url}/api/rooms/${roomId}/token`, { cookie });
  if (answer.status !== 200) throw new Error(`token: HTTP ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as { url: string; token: string };
}

export async function measureRtcJoins(setup: Setup): Promise<JoinSeries> {
  const { lk, url, plenaryId, attendeeCookies, concurrency } = setup;
  const speaker = await plenumToken(url, plenaryId, setup.organizerCookie);
  const publisher = new Room();
  await publisher.connect(speaker.url, speaker.token, { autoSubscribe: false, dynacast: false });
  const tone = await publishTone(publisher);

  const rooms: Room[] = [];
  const series: JoinSeries = { samples: [], errors: { bare: [], plenum: [] } };
  const joinOnce = async (kind: JoinKind, i: number) => {
    const startedAt = performance.now();
    try {
      const { token } =
        kind === 'plenum'
          ? await plenumToken(url, plenaryId, attendeeCookies[i]!)
          : {
              token: await directToken(lk, {
                identity: `bare-${i}`,
                name: `Bare ${i + 1}`,
                room: plenaryId,
                publish: false,
              }),
            };
      const tokenMs = performance.now() - startedAt;
      const joined = await joinUntilFirstTrack(lk.url, token, TrackKind.KIND_AUDIO);
      rooms.push(joined.room);
      series.samples.push({
        kind,
        tokenMs,
        connectMs: joined.connectMs,
        totalMs: tokenMs + joined.subscribedMs,
      });
    } catch (err) {
      series.errors[kind].push((err as Error).message);
    }
  };

  try {
    const count = attendeeCookies.length;
    for (let offset = 0, batch = 0; offset < count; offset += concurrency, batch++) {
      const indices = Array.from(
        { length: Math.min(concurrency, count - offset) },
        (_, j) => offset + j,
      );
      // Who goes first alternates, so that neither kind always meets the fresher room.
      const order: JoinKind[] = batch % 2 === 0 ? ['bare', 'plenum'] : ['plenum', 'bare'];
      for (const kind of order) await Promise.all(indices.map((i) => joinOnce(kind, i)));
    }
    return series;
  } finally {
    // Leaving can hang on a starved machine: give up after 10 s, LiveKit stops anyway.
    const leave = (room: Room) => Promise.race([room.disconnect().catch(() => {}), sleep(10_000)]);
    await Promise.all(rooms.map(leave));
    await tone.stop().catch(() => {});
    await leave(publisher);
  }
}
