/**
 * First frame (issue 14, Speed): how long a person in Chromium waits for the first remote video
 * frame, measured in the page from the click (or the organizer's request), against a bare
 * livekit-client page in the same run (lib/bare-page.ts: what LiveKit itself costs here).
 *
 *  - enter: an attendee on the device check clicks "Weiter zur Veranstaltung" after testing
 *    camera and microphone, or "Überspringen – ich schaue nur zu" — until the organizer's video
 *    (rtc-node, synthetic camera) in the plenary shows its first frame. Fresh context each time.
 *  - switches (lib/browser-switch.ts): a phase opens / closes for an attendee, a moderator visits
 *    a group and goes back — until the new room's publisher's first frame.
 *  - bare: join (click → connect → subscribe → frame) and switch (leave A, join B) in rooms with
 *    their own rtc-node publishers, interleaved round by round with the Plenum samples.
 *
 *   npm run bench -- first-frame [--rounds 5] [--dwell 1000] [--no-enter] [--no-switch]
 */
import { restoreNodeEnv } from './lib/rtc-quiet.ts';
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { bareClick, startBarePage } from './lib/bare-page.ts';
import {
  buildClientIfStale,
  launchChromium,
  measureSwitches,
  newPageAs,
  type Ready,
} from './lib/browser-switch.ts';
import {
  forkServer,
  hardLimit,
  machine,
  msCell,
  parseArgs,
  sleep,
  summarize,
} from './lib/harness.ts';
import { directToken, startMediaLivekit, type MediaLivekit } from './lib/media-livekit.ts';
import { collectPhases, phaseNames, type Phases } from './lib/page-phases.ts';
import { switchStamps, watchSwitch } from './lib/page-watch.ts';
import { plenumToken } from './lib/rtc-join-series.ts';
import { publishPattern, Room } from './lib/rtc-participants.ts';

interface Sample {
  kind: string;
  round: number;
  totalMs: number;
  phases: Phases;
  load: number;
}

const HARD_LIMIT_MS = 9 * 60_000;
const CAMERA = { width: 640, height: 360, fps: 15 };
const TARGETS: Record<string, number> = {
  'enter: after check': 1500,
  'enter: check skipped': 1500,
  'attendee: phase opens': 600,
  'moderator: visit': 800,
  'moderator: back': 800,
};
const KINDS = [
  'bare: join',
  'enter: after check',
  'enter: check skipped',
  'bare: switch',
  'attendee: phase opens',
  'attendee: phase closes',
  'moderator: visit',
  'moderator: back',
];
const serverEntry = fileURLToPath(new URL('./media-join.server.ts', import.meta.url));
const load1 = () => Number(loadavg()[0]!.toFixed(2));

export async function run(args: string[]): Promise<number> {
  restoreNodeEnv();
  const opts = parseArgs(args, { rounds: 5, dwell: 1000 }, ['no-enter', 'no-switch']);
  buildClientIfStale();
  const loadAtStart = load1();
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('first-frame', HARD_LIMIT_MS, children);
  const lk = await startMediaLivekit();
  const bare = await startBarePage();
  const samples: Sample[] = [];
  const errors: string[] = [];
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      errors.push(`${what}: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  let browser: Browser | undefined;
  try {
    const env = {
      BENCH_LIVEKIT: JSON.stringify({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret }),
    };
    const srv = await forkServer<Ready & { type: 'ready'; attendeeCookies: string[] }>(
      serverEntry,
      ['plenum', String(opts.rounds * 2)],
      children,
      { env },
    );
    browser = await launchChromium();
    const barePage = await bare.open(browser);

    if (!opts.flags.has('no-enter')) {
      const organizer = await plenumToken(
        srv.ready.url,
        srv.ready.plenaryId,
        srv.ready.organizerCookie,
      );
      const stage = new Room();
      await stage.connect(organizer.url, organizer.token, { autoSubscribe: false, dynacast: true });
      const camera = await publishPattern(stage, CAMERA);
      const { identity, name } = stage.localParticipant!;
      try {
        const cookies = [...srv.ready.attendeeCookies];
        for (let round = 1; round <= opts.rounds; round++) {
          await attempt(`bare join ${round}`, async () => {
            const page = await bare.open(browser!);
            try {
              const token = await directToken(lk, {
                identity: `bare-viewer-${round}`,
                name: 'bare',
                room: srv.ready.plenaryId,
                publish: false,
              });
              await watchFrame(page, samples, 'bare: join', round, () =>
                bareClick(page, lk.url, token, identity),
              );
            } finally {
              await page.context().close();
            }
          });
          for (const mode of ['after check', 'check skipped'] as const) {
            await attempt(`enter ${mode} ${round}`, () =>
              measureEnter(browser!, srv.ready, cookies.shift()!, name ?? '', mode, round),
            );
          }
        }
      } finally {
        await camera.stop().catch(() => {});
        await stage.disconnect().catch(() => {});
      }
    }

    if (!opts.flags.has('no-switch')) {
      const roundLoad = new Map<number, number>();
      const switches = await measureSwitches(lk, srv.ready, opts.rounds, (round) => {
        roundLoad.set(round, load1());
        return attempt(`bare switch ${round}`, () => bareSwitches(lk, barePage, round));
      });
      errors.push(...switches.errors);
      for (const s of switches.samples) {
        samples.push({
          kind: s.kind,
          round: s.round,
          totalMs: s.totalMs,
          phases: s.phases,
          load: roundLoad.get(s.round) ?? load1(),
        });
      }
    }
    await srv.stop();
  } finally {
    await browser?.close().catch(() => {});
    await bare.close();
    for (const child of children) child.kill();
    await lk.stop();
    cancel();
  }
  return report(opts.rounds, opts.dwell, loadAtStart, samples, errors);

  /** One attendee, a fresh context, the device check page; the click that enters is timed. */
  async function measureEnter(
    browser: Browser,
    ready: Ready,
    cookie: string,
    publisher: string,
    mode: 'after check' | 'check skipped',
    round: number,
  ) {
    const page = await newPageAs(browser, ready, cookie);
    try {
      // As after redeeming the link in this tab (sessions/joined-links.ts): on to the check.
      await page.goto('/');
      const joined = JSON.stringify({ slug: ready.slug, role: 'attendee' });
      await page.evaluate(
        `sessionStorage.setItem('plenum.joined.bench', ${JSON.stringify(joined)})`,
      );
      await page.goto('/join/bench');
      if (mode === 'after check') {
        await page.getByRole('button', { name: 'Kamera und Mikrofon testen' }).click();
        await page.locator('video.device-preview-video').waitFor({ timeout: 20_000 });
      }
      const name =
        mode === 'after check' ? 'Weiter zur Veranstaltung' : 'Überspringen – ich schaue nur zu';
      const button = page.getByRole('button', { name });
      await button.waitFor({ timeout: 20_000 });
      // A person reads the page (or looks at the preview) before clicking.
      await sleep(opts.dwell);
      await watchFrame(page, samples, `enter: ${mode}`, round, () => button.click(), publisher);
    } finally {
      await page.context().close();
    }
  }
}

/** Watches for the publisher's first frame, triggers, and records click → frame with phases. */
async function watchFrame(
  page: import('playwright-core').Page,
  samples: Sample[],
  kind: string,
  round: number,
  trigger: () => Promise<void>,
  publisher?: string,
) {
  if (publisher !== undefined) await watchSwitch(page, publisher);
  await trigger();
  const stamps = await switchStamps(page);
  if (stamps.clickAt === null) throw new Error(`${kind}: the click was not seen in the page`);
  samples.push({
    kind,
    round,
    totalMs: stamps.frameAt! - stamps.clickAt,
    phases: await collectPhases(page, stamps.clickAt, stamps.frameAt!, stamps.stageAt ?? null),
    load: load1(),
  });
}

/** Bare: into room A, then A → B and B → A timed, each room with its own rtc-node camera. */
async function bareSwitches(lk: MediaLivekit, page: import('playwright-core').Page, round: number) {
  const publishers = await Promise.all(
    ['a', 'b'].map(async (room) => {
      const identity = `bare-pub-${room}`;
      await lk.rooms.createRoom({ name: `bare-${room}` });
      const token = await directToken(lk, {
        identity,
        name: identity,
        room: `bare-${room}`,
        publish: true,
      });
      const participant = new Room();
      await participant.connect(lk.url, token, { autoSubscribe: false, dynacast: true });
      return {
        room: `bare-${room}`,
        identity,
        participant,
        camera: await publishPattern(participant, CAMERA),
      };
    }),
  );
  const viewer = (room: string) =>
    directToken(lk, { identity: `bare-switcher-${round}`, name: 'bare', room, publish: false });
  try {
    const [a, b] = publishers as [(typeof publishers)[0], (typeof publishers)[0]];
    const tokenA = await viewer(a.room);
    await bareClick(page, lk.url, tokenA, a.identity);
    await switchStamps(page);
    const tokenB = await viewer(b.room);
    const local: Sample[] = [];
    await watchFrame(page, local, 'bare: switch', round, () =>
      bareClick(page, lk.url, tokenB, b.identity),
    );
    await watchFrame(page, local, 'bare: switch', round, async () => {
      await bareClick(page, lk.url, await viewer(a.room), a.identity);
    });
    bareSamples.push(...local);
  } finally {
    await page.evaluate('window.bareLeave()').catch(() => {});
    for (const p of publishers) {
      await p.camera.stop().catch(() => {});
      await p.participant.disconnect().catch(() => {});
    }
  }
}
const bareSamples: Sample[] = [];

function report(
  rounds: number,
  dwell: number,
  loadAtStart: number,
  samplesIn: Sample[],
  errors: string[],
) {
  const samples = [...samplesIn, ...bareSamples];
  const loadAtEnd = load1();
  console.log(
    `\nfirst-frame: Chromium, ${rounds} rounds, ${dwell} ms on the device check before the click; ` +
      `ms from the click (or the organizer's request) to the remote publisher's first video frame; ` +
      `1-min load average ${loadAtStart} at the start, ${loadAtEnd} at the end (${machine().cores} cores)`,
  );
  console.log(
    `kind                      n   p50 ms   p95 ms   max ms target | p50 of ${phaseNames.join(' / ')}`,
  );
  const results: Record<string, object> = {};
  for (const kind of KINDS) {
    const of = samples.filter((s) => s.kind === kind);
    if (!of.length) continue;
    const total = summarize(of.map((s) => s.totalMs));
    const phases = Object.fromEntries(
      phaseNames.map((name) => {
        const values = of.flatMap((s) => (s.phases[name] === null ? [] : [s.phases[name]!]));
        return [name, values.length ? summarize(values).p50 : null];
      }),
    );
    const target = TARGETS[kind];
    const met = target === undefined ? '' : total.p50 <= target ? 'met' : 'MISSED';
    results[kind] = { ...total, target: target ?? null, phasesP50: phases };
    console.log(
      `${kind.padEnd(22)} ${String(total.count).padStart(4)} ` +
        `${[total.p50, total.p95, total.max].map(msCell).join(' ')} ${(target ? `${target} ${met}` : '').padStart(6)} | ` +
        phaseNames.map((n) => phases[n] ?? '—').join(' / '),
    );
  }
  console.log(`errors: ${errors.length}`);
  for (const message of errors) console.log(`  ${message}`);
  console.log(
    JSON.stringify({
      bench: 'first-frame',
      at: new Date().toISOString(),
      ...machine(),
      loadAtStart,
      rounds,
      dwellMs: dwell,
      results,
      errors: errors.length,
      samples: samples.map((s) => ({
        kind: s.kind,
        round: s.round,
        totalMs: Math.round(s.totalMs),
        load: s.load,
        ...s.phases,
      })),
    }),
  );
  return 0;
}
