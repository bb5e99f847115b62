/**
 * Media join: how long until someone hears and sees the room they join or are moved to.
 * (a) P headless participants (@livekit/rtc-node) join the plenary: token request → connected →
 *     first remote track (the organizer's tone) subscribed. Plenum (real token route, real
 *     session) against bare (token signed here with livekit-server-sdk), alternating, same room.
 * (b) Chromium: room switches as the client does them, until the first video frame of the new
 *     room's publisher is shown (see lib/browser-switch.ts). Target: switch p50 ≤ 1.0 s.
 *
 *   npm run bench -- media-join [--participants 50] [--concurrency 1] [--rounds 5] [--no-browser]
 */
import { restoreNodeEnv } from './lib/rtc-quiet.ts';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  buildClientIfStale,
  measureSwitches,
  type SwitchKind,
  type SwitchSample,
} from './lib/browser-switch.ts';
import {
  describeMachine,
  forkServer,
  hardLimit,
  machine,
  msCell,
  parseArgs,
  summarize,
  type Summary,
} from './lib/harness.ts';
import { startMediaLivekit } from './lib/media-livekit.ts';
import { measureRtcJoins, type JoinSample } from './lib/rtc-join-series.ts';

interface Ready {
  type: 'ready';
  url: string;
  slug: string;
  plenaryId: string;
  groupIds: string[];
  attendeeCookies: string[];
  browserCookie: string;
  moderatorCookie: string;
  organizerCookie: string;
}

// Two series and a browser on a shared two-core box: at load average 30 a full run took 4.9 min.
const HARD_LIMIT_MS = 8 * 60_000;
const SWITCH_TARGET_MS = 1000;
const serverEntry = fileURLToPath(new URL('./media-join.server.ts', import.meta.url));

export async function run(args: string[]): Promise<number> {
  restoreNodeEnv();
  const opts = parseArgs(args, { participants: 50, concurrency: 1, rounds: 5 }, ['no-browser']);
  if (!opts.flags.has('no-browser')) buildClientIfStale();
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('media-join', HARD_LIMIT_MS, children);
  const lk = await startMediaLivekit();
  try {
    const env = {
      BENCH_LIVEKIT: JSON.stringify({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret }),
    };
    const srv = await forkServer<Ready>(
      serverEntry,
      ['plenum', String(opts.participants)],
      children,
      {
        env,
      },
    );
    const joins = await measureRtcJoins({
      lk,
      url: srv.ready.url,
      plenaryId: srv.ready.plenaryId,
      attendeeCookies: srv.ready.attendeeCookies,
      organizerCookie: srv.ready.organizerCookie,
      concurrency: opts.concurrency,
    });
    const switches = opts.flags.has('no-browser')
      ? { samples: [], errors: [] }
      : await measureSwitches(lk, srv.ready, opts.rounds);
    await srv.stop();
    return report(opts, joins, switches);
  } finally {
    for (const child of children) child.kill();
    await lk.stop();
    // Armed until here: cleaning up can hang on a starved machine too.
    cancel();
  }
}

const ms = (v: number | null | undefined) => msCell(v ?? NaN);

function report(
  opts: { participants: number; concurrency: number; rounds: number },
  joins: Awaited<ReturnType<typeof measureRtcJoins>>,
  switches: { samples: SwitchSample[]; errors: string[] },
) {
  console.log(
    `\nmedia-join (a): ${opts.participants} rtc-node participants per kind, ${opts.concurrency} ` +
      `at a time, into the plenary with the organizer's tone; ${describeMachine()} at the end`,
  );
  console.log(
    'kind       count errors   p50 ms   p95 ms   p99 ms   max ms | token p50  connect p50',
  );
  const joinResults: Record<
    string,
    Summary & { errors: number; tokenP50: number; connectP50: number }
  > = {};
  for (const kind of ['bare', 'plenum'] as const) {
    const of = joins.samples.filter((s) => s.kind === kind);
    const total = summarize(of.map((s) => s.totalMs));
    const token = summarize(of.map((s: JoinSample) => s.tokenMs));
    const connect = summarize(of.map((s) => s.connectMs));
    const errors = joins.errors[kind].length;
    joinResults[kind] = { ...total, errors, tokenP50: token.p50, connectP50: connect.p50 };
    console.log(
      `${kind.padEnd(10)} ${String(total.count).padStart(5)} ${String(errors).padStart(6)} ` +
        `${[total.p50, total.p95, total.p99, total.max].map(ms).join(' ')} | ` +
        `${ms(token.p50)}  ${ms(connect.p50)}`,
    );
    for (const message of new Set(joins.errors[kind])) console.log(`  ${kind} error: ${message}`);
  }
  const joinRatio = joinResults.plenum!.p50 / joinResults.bare!.p50;

  const switchResults: Record<string, Summary & { stageP50: number; videoP50: number }> = {};
  if (switches.samples.length || switches.errors.length) {
    console.log(
      `\nmedia-join (b): Chromium, ${opts.rounds} rounds; ms from the trigger (request sent or ` +
        'click) until the new room’s publisher’s first video frame is shown',
    );
    console.log(
      'switch                   count   p50 ms   p95 ms   p99 ms   max ms | stage p50  video p50',
    );
    const kinds: SwitchKind[] = [
      'attendee: phase opens',
      'attendee: phase closes',
      'moderator: visit',
      'moderator: back',
    ];
    for (const kind of kinds) {
      const of = switches.samples.filter((s) => s.kind === kind);
      const total = summarize(of.map((s) => s.totalMs));
      const stage = summarize(of.flatMap((s) => (s.stageMs === null ? [] : [s.stageMs])));
      const video = summarize(of.flatMap((s) => (s.videoMs === null ? [] : [s.videoMs])));
      switchResults[kind] = { ...total, stageP50: stage.p50, videoP50: video.p50 };
      console.log(
        `${kind.padEnd(24)} ${String(total.count).padStart(5)} ` +
          `${[total.p50, total.p95, total.p99, total.max].map(ms).join(' ')} | ` +
          `${ms(stage.p50)}  ${ms(video.p50)}`,
      );
    }
    const how = switches.samples.reduce<Record<string, number>>((acc, s) => {
      acc[s.frameHow ?? 'none'] = (acc[s.frameHow ?? 'none'] ?? 0) + 1;
      return acc;
    }, {});
    console.log(`errors: ${switches.errors.length}; first frame seen by ${JSON.stringify(how)}`);
    for (const message of switches.errors) console.log(`  ${message}`);
  }
  const all = summarize(switches.samples.map((s) => s.totalMs));
  const met =
    switches.samples.length > 0 && switches.errors.length === 0 && all.p50 <= SWITCH_TARGET_MS;
  console.log(
    `plenum / bare join p50 = ${joinRatio.toFixed(2)}; switch p50 over all kinds ${all.p50} ms — ` +
      `target switch p50 ≤ ${SWITCH_TARGET_MS} ms: ${switches.samples.length ? (met ? 'met' : 'NOT met') : 'not measured'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'media-join',
      at: new Date().toISOString(),
      ...machine(),
      participants: opts.participants,
      concurrency: opts.concurrency,
      rounds: opts.rounds,
      joins: joinResults,
      joinP50Ratio: Number(joinRatio.toFixed(2)),
      switches: switchResults,
      switchErrors: switches.errors.length,
      switchSamples: switches.samples.map((s) => ({
        kind: s.kind,
        round: s.round,
        totalMs: Math.round(s.totalMs),
        stageMs: s.stageMs === null ? null : Math.round(s.stageMs),
        videoMs: s.videoMs === null ? null : Math.round(s.videoMs),
      })),
      switchP50: all.p50,
      targetMet: met,
    }),
  );
  return 0;
}
