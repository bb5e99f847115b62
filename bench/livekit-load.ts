/**
 * Load on LiveKit: one publisher (synthetic camera with simulcast, and a tone) and N headless
 * rtc-node subscribers in a plenary room, N stepping up (10, 25, 50, 100, 150, …) until it breaks
 * or the time bound. Tokens are Plenum's own (`mintRoomToken` with the attendee's and organizer's
 * plenary rights), signed in this process: the token route is media-join's subject, not this one.
 * Per step: time to first frame of the newcomers, CPU of livekit-server (/proc) and of this
 * process (the subscribers: they decode every frame on the same two cores), received frame rate
 * of a sample of subscribers, participants LiveKit reports.
 *
 *   npm run bench -- livekit-load [--max 300] [--hold 10] [--width 640] [--height 360] [--fps 15]
 */
import { restoreNodeEnv } from './lib/rtc-quiet.ts';
import { readFileSync } from 'node:fs';
import { mediaRightsFor } from '../server/src/features/livekit/grants.ts';
import { mintRoomToken } from '../server/src/features/livekit/token.ts';
import { publishTone } from '../server/src/test/media.ts';
import { describeMachine, hardLimit, machine, parseArgs, sleep, summarize } from './lib/harness.ts';
import { cpuWindow, startMediaLivekit, type MediaLivekit } from './lib/media-livekit.ts';
import { loadReport, type LoadStep } from './lib/load-report.ts';
import {
  countFrames,
  firstVideoFrame,
  joinUntilFirstTrack,
  publishPattern,
  Room,
  RoomEvent,
  TrackKind,
} from './lib/rtc-participants.ts';
import type { RemoteTrack } from '@livekit/rtc-node';

const HARD_LIMIT_MS = 5 * 60_000;
/** No new step starts after this; the last one still has to finish within the hard limit. */
const STEP_BUDGET_MS = 3 * 60_000;
const STEPS = [10, 25, 50, 100, 150, 200, 250, 300, 400, 500];
const JOIN_BATCH = 10;
const SAMPLED = 5;
const SPEAKER = 'Referentin';

interface Subscriber {
  room: Room;
  video: RemoteTrack;
}

export async function run(args: string[]): Promise<number> {
  restoreNodeEnv();
  const opts = parseArgs(args, { max: 300, hold: 10, width: 640, height: 360, fps: 15 });
  const startedAt = performance.now();
  const cancel = hardLimit('livekit-load', HARD_LIMIT_MS, new Set());
  const lk = await startMediaLivekit();
  const roomId = crypto.randomUUID();
  const subscribers: Subscriber[] = [];
  const publisher = new Room();
  try {
    await lk.rooms.createRoom({ name: roomId, emptyTimeout: 600 });
    await publisher.connect(lk.url, await tokenFor(lk, roomId, 'organizer', SPEAKER), {
      autoSubscribe: false,
      dynacast: true,
    });
    // If the publisher's connection drops, every viewer loses the picture: say so, per step.
    const publisherEvents: string[] = [];
    for (const event of [RoomEvent.Reconnecting, RoomEvent.Reconnected, RoomEvent.Disconnected]) {
      publisher.on(event, () => publisherEvents.push(event));
    }
    const camera = await publishPattern(publisher, opts);
    const tone = await publishTone(publisher);
    const steps: LoadStep[] = [];
    let bends: string | null = null;
    let ends = `held up to ${opts.max} subscribers (the --max bound)`;
    for (const target of STEPS.filter((n) => n <= opts.max)) {
      if (performance.now() - startedAt > STEP_BUDGET_MS) {
        ends = `time bound (${STEP_BUDGET_MS / 60_000} min) reached before ${target} subscribers`;
        break;
      }
      const step = await addAndHold(lk, roomId, subscribers, target, {
        ...opts,
        camera,
        joinsUntil: startedAt + HARD_LIMIT_MS - 75_000,
      });
      step.publisherEvents = publisherEvents.splice(0);
      steps.push(step);
      console.error(`livekit-load: ${JSON.stringify(step)}`);
      const judged = judge(step, opts);
      if (judged.bends && !bends) bends = `bends at ${target}: ${judged.bends}`;
      if (judged.ends) {
        ends = `stops at ${target}: ${judged.ends}`;
        break;
      }
    }
    const verdict = [bends ?? 'no bend seen', ends].join('; ');
    await camera.stop().catch(() => {});
    await tone.stop().catch(() => {});
    return loadReport({ ...opts, machine: machine(), describe: describeMachine(), steps, verdict });
  } finally {
    lk.silence();
    // Leaving can hang on a starved machine; the hard limit stays armed until LiveKit is down.
    const leave = (room: Room) => Promise.race([room.disconnect().catch(() => {}), sleep(10_000)]);
    await Promise.all(subscribers.map((s) => leave(s.room)));
    await leave(publisher);
    await lk.stop();
    cancel();
  }
}

function tokenFor(lk: MediaLivekit, roomId: string, role: 'attendee' | 'organizer', name: string) {
  return mintRoomToken(
    {
      personId: crypto.randomUUID(),
      displayName: name,
      roomId,
      rights: mediaRightsFor({ role, roomKind: 'plenary', promoted: false }),
    },
    lk,
  );
}

/** Brings the room up to `target` subscribers, then holds it and measures the steady state. */
async function addAndHold(
  lk: MediaLivekit,
  roomId: string,
  subscribers: Subscriber[],
  target: number,
  opts: { hold: number; fps: number; camera: { captured(): number }; joinsUntil: number },
): Promise<LoadStep> {
  const pid = lk.pid();
  if (pid === undefined) throw new Error('livekit-server is not running');
  const joining = cpuWindow(pid);
  const firstFrameMs: number[] = [];
  const subscribedMs: number[] = [];
  const errors: string[] = [];
  let newcomers = 0;
  let cutShort = false;
  for (let offset = subscribers.length; offset < target; offset += JOIN_BATCH) {
    // Joins that time out take 20–40 s a batch: stop in time for the hold and the clean-up.
    if (performance.now() > opts.joinsUntil) {
      cutShort = true;
      break;
    }
    newcomers += Math.min(JOIN_BATCH, target - offset);
    const batch = Array.from({ length: Math.min(JOIN_BATCH, target - offset) }, async (_, j) => {
      try {
        const token = await tokenFor(lk, roomId, 'attendee', `Gast ${offset + j + 1}`);
        const joined = await joinUntilFirstTrack(lk.url, token, TrackKind.KIND_VIDEO);
        subscribers.push({ room: joined.room, video: joined.track });
        subscribedMs.push(joined.subscribedMs);
        firstFrameMs.push(joined.subscribedMs + (await firstVideoFrame(joined.track)));
      } catch (err) {
        errors.push((err as Error).message);
      }
    });
    await Promise.all(batch);
  }
  const join = joining();

  const steady = cpuWindow(pid);
  const capturedBefore = opts.camera.captured();
  const sample = [...subscribers].sort(() => Math.random() - 0.5).slice(0, SAMPLED);
  const sampleSeconds = Math.min(3, opts.hold);
  const [fps] = await Promise.all([
    Promise.all(sample.map((s) => countFrames(s.video, sampleSeconds * 1000))),
    sleep(opts.hold * 1000),
  ]);
  const cpu = steady();
  const publishedFps = (opts.camera.captured() - capturedBefore) / cpu.seconds;
  const inRoom = await lk.rooms.listParticipants(roomId);
  const speaker = inRoom.find((p) => p.name === SPEAKER);
  return {
    subscribers: target,
    newcomers,
    cutShort,
    connected: subscribers.length,
    inLivekit: inRoom.length - (speaker ? 1 : 0),
    publisherTracksInLivekit: speaker?.tracks.length ?? 0,
    publisherEvents: [],
    errors: errors.length,
    errorSample: [...new Set(errors)].slice(0, 3),
    subscribed: summarize(subscribedMs),
    firstFrame: summarize(firstFrameMs),
    joinSeconds: join.seconds,
    joinCpu: { livekitPct: join.livekitPct, benchPct: join.benchPct },
    steadyCpu: { livekitPct: cpu.livekitPct, benchPct: cpu.benchPct },
    livekitRssMb: rssMb(pid),
    benchThreads: Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]),
    sampledFps: fps.map(({ frames }) => Math.round((frames / sampleSeconds) * 10) / 10),
    sampledWidths: fps.map(({ width }) => width),
    publishedFps: Math.round(publishedFps * 10) / 10,
    loadAverage: machine().loadAverage,
  };
}

function rssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * A step *bends* when viewers get less than the publisher sends (half the frame rate, or a lower
 * simulcast layer than the full width) or newcomers wait over 5 s for a picture; it *ends* the
 * run when the publisher's tracks are gone, when newcomers get no picture within 20 s, when this
 * process (all subscribers) saturates the machine, so that what follows would measure the
 * measuring side, or when the time bound cut the step short. Which side is busier is said.
 */
function judge(step: LoadStep, opts: { fps: number; width: number }) {
  const who =
    `livekit-server ${step.steadyCpu.livekitPct} %, subscribers ${step.steadyCpu.benchPct} % ` +
    `of 200 % CPU, load average ${step.loadAverage[0]}`;
  const fps = median(step.sampledFps);
  const sent = `the publisher captured ${step.publishedFps} frames/s`;
  const width = median(step.sampledWidths);
  const bends =
    fps < opts.fps / 2
      ? `sampled subscribers receive ${fps} of ${opts.fps} frames/s; ${sent} (${who})`
      : width < opts.width
        ? `sampled subscribers receive ${width} px wide frames of ${opts.width} (${who})`
        : step.firstFrame.p95 > 5_000
          ? `time to first frame p95 ${step.firstFrame.p95} ms (${who})`
          : null;
  const ends =
    step.publisherTracksInLivekit < 2
      ? `LiveKit lists ${step.publisherTracksInLivekit} of the publisher's 2 tracks; its ` +
        `connection: ${step.publisherEvents.join(', ') || 'no events'} (${who})`
      : step.errors > step.newcomers * 0.05
        ? `${step.errors} of ${step.newcomers} newcomers got no video frame within 20 s (${who})`
        : step.steadyCpu.benchPct >= 185
          ? `the subscribers' process saturates the machine (${who})`
          : step.cutShort
            ? `the time bound stopped the joins after ${step.newcomers} newcomers (${who})`
            : null;
  return { bends, ends };
}
