/**
 * media-join part (b): room switches in Chromium, as the client really does them, timed until the
 * new room's publisher's first video frame is on screen. An attendee is moved by the server when
 * a phase opens and when it closes (nothing to click: `room:assigned` → new token → new LiveKit
 * connection); a moderator clicks "Gruppe besuchen" and "Zurück ins Plenum" (a token fetch, then
 * the same remount). Publishers are rtc-node participants with a synthetic camera: the organizer
 * in the plenary (Plenum token), a scaffolding speaker in the group (signed here).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { httpPost } from './harness.ts';
import { directToken, type MediaLivekit } from './media-livekit.ts';
import { collectPhases, hookPhases, type Phases } from './page-phases.ts';
import { epochNow, switchStamps, watchSwitch, type SwitchStamps } from './page-watch.ts';
import { plenumToken } from './rtc-join-series.ts';
import { publishPattern, Room } from './rtc-participants.ts';

export type SwitchKind =
  'attendee: phase opens' | 'attendee: phase closes' | 'moderator: visit' | 'moderator: back';

export interface SwitchSample {
  kind: SwitchKind;
  round: number;
  /** trigger (request sent / click) → first frame of the new room's publisher. */
  totalMs: number;
  stageMs: number | null;
  videoMs: number | null;
  frameHow: SwitchStamps['frameHow'];
  /** Token, signal, peer connection, track: where the time went (page-phases.ts). */
  phases: Phases;
}

export interface Ready {
  url: string;
  slug: string;
  plenaryId: string;
  groupIds: string[];
  browserCookie: string;
  moderatorCookie: string;
  organizerCookie: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const CAMERA = { width: 640, height: 360, fps: 15 };
const GROUP_SPEAKER = 'Referentin AG';

export async function measureSwitches(
  lk: MediaLivekit,
  ready: Ready,
  rounds: number,
  /** Runs before each round, e.g. the bare baseline's switches under the same load. */
  onRound: (round: number) => Promise<void> | void = () => {},
) {
  const samples: SwitchSample[] = [];
  const errors: string[] = [];
  const organizer = await plenumToken(ready.url, ready.plenaryId, ready.organizerCookie);
  const stage = new Room();
  await stage.connect(organizer.url, organizer.token, { autoSubscribe: false, dynacast: true });
  const stageCamera = await publishPattern(stage, CAMERA);
  const organizerName = stage.localParticipant!.name ?? '';
  const browser = await launchChromium();
  try {
    const attendee = await openAs(browser, ready, ready.browserCookie);
    const moderator = await openAs(browser, ready, ready.moderatorCookie);
    const groupId = ready.groupIds[0]!;
    for (let round = 1; round <= rounds; round++) {
      await onRound(round);
      const group = new Room();
      let phase: { id: string } | undefined;
      try {
        phase = await post<{ id: string }>(ready, `/api/events/${ready.slug}/phases`, {
          title: `Runde ${round}`,
          roomIds: [groupId],
          durationMinutes: 30,
          selfSelect: false,
        });
        // The group's speaker is there before anyone arrives, as in a real group.
        await lk.rooms.createRoom({ name: groupId });
        const groupToken = await directToken(lk, {
          identity: `group-speaker-${round}`,
          name: GROUP_SPEAKER,
          room: groupId,
          publish: true,
        });
        await group.connect(lk.url, groupToken, { autoSubscribe: false, dynacast: true });
        const groupCamera = await publishPattern(group, CAMERA);

        const measure = async (
          page: Page,
          kind: SwitchKind,
          who: string,
          trigger: () => Promise<number | null>,
        ) => {
          await watchSwitch(page, who);
          const sentAt = await trigger();
          const stamps = await switchStamps(page);
          const from = sentAt ?? stamps.clickAt;
          if (from === null) throw new Error(`${kind}: the click was not seen in the page`);
          const since = (at: number | null) => (at === null ? null : at - from);
          samples.push({
            kind,
            round,
            totalMs: stamps.frameAt! - from,
            stageMs: since(stamps.stageAt),
            videoMs: since(stamps.videoAt),
            frameHow: stamps.frameHow,
            phases: await collectPhases(page, from, stamps.frameAt!, stamps.stageAt),
          });
        };
        await measure(attendee, 'attendee: phase opens', GROUP_SPEAKER, async () => {
          const at = epochNow();
          await post(ready, `/api/phases/${phase!.id}/open`);
          return at;
        });
        const visit = moderator.getByRole('button', { name: 'Gruppe besuchen' });
        await visit.waitFor({ timeout: 15_000 });
        await measure(moderator, 'moderator: visit', GROUP_SPEAKER, async () => {
          await visit.click();
          return null;
        });
        const back = moderator.getByRole('button', { name: 'Zurück ins Plenum' });
        await measure(moderator, 'moderator: back', organizerName, async () => {
          await back.click();
          return null;
        });
        await measure(attendee, 'attendee: phase closes', organizerName, async () => {
          const at = epochNow();
          await post(ready, `/api/phases/${phase!.id}/close`);
          return at;
        });
        phase = undefined;
        await groupCamera.stop();
      } catch (err) {
        errors.push(`round ${round}: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        // A failed round must not leave its phase open: the next could not open.
        if (phase) await post(ready, `/api/phases/${phase.id}/close`).catch(() => {});
        await group.disconnect().catch(() => {});
      }
    }
    return { samples, errors };
  } finally {
    await browser.close();
    await stageCamera.stop().catch(() => {});
    await stage.disconnect().catch(() => {});
  }
}

async function post<T = unknown>(ready: Ready, pathname: string, body?: object): Promise<T> {
  const answer = await httpPost(`${ready.url}${pathname}`, { cookie: ready.organizerCookie, body });
  if (answer.status >= 300) throw new Error(`${pathname}: HTTP ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as T;
}

/** Debian's Chromium with the e2e flags (e2e/support/browser.ts): fake devices, no sandbox. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--disable-background-networking',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** A person's own browser context with their session cookie, on the event page, live. */
async function openAs(browser: Browser, ready: Ready, cookie: string): Promise<Page> {
  const page = await newPageAs(browser, ready, cookie);
  await page.goto(`/e/${ready.slug}`);
  await page.getByText('Live verbunden').waitFor({ timeout: 30_000 });
  return page;
}

/** A fresh context (own cache and storage) with the session cookie and the phase hooks. */
export async function newPageAs(
  browser: Browser,
  ready: Pick<Ready, 'url'>,
  cookie: string,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: ready.url,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
  });
  const [name, value] = [
    cookie.slice(0, cookie.indexOf('=')),
    cookie.slice(cookie.indexOf('=') + 1),
  ];
  await context.addCookies([{ name, value, url: ready.url }]);
  await hookPhases(context);
  return context.newPage();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * As the e2e tests do: the browser must get the bundle of the current sources. Before the server
 * starts: it serves client/dist only if it exists when the app is built.
 */
export function buildClientIfStale() {
  const index = path.join(root, 'client/dist/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared/src')),
  );
  if (sources <= built) return;
  console.error('media-join: building the client (its sources are newer than client/dist)');
  execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'pipe' });
}
