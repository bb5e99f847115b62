/**
 * What runs inside the page for media-join part (b): it watches for the new room's stage and the
 * named publisher's <video>, and stamps when its first frame is shown. Kept as page source text
 * because bench/ is typechecked without the DOM library.
 *
 * Times are epoch ms (performance.timeOrigin + now) so that the driver's own clock, which sent
 * the organizer's request, compares with the page's. `clickAt` is the click event's own stamp.
 * A frame counts when requestVideoFrameCallback fires for the new <video>, or (if that never
 * comes) when readyState ≥ 2 and currentTime advanced — whichever the page sees first.
 */
import type { Page } from 'playwright-core';

export interface SwitchStamps {
  clickAt: number | null;
  /** A new `.stage` element (the old room's stage unmounted, the new one mounted). */
  stageAt: number | null;
  /** The publisher's <video> in the new stage exists. */
  videoAt: number | null;
  frameAt: number | null;
  frameHow: 'rvfc' | 'currentTime' | null;
}

const watchSource = (publisher: string) => `(() => {
  const who = ${JSON.stringify(publisher)};
  const now = () => performance.timeOrigin + performance.now();
  const oldStage = document.querySelector('.stage');
  const oldVideos = new Set(document.querySelectorAll('video'));
  const s = { clickAt: null, stageAt: null, videoAt: null, frameAt: null, frameHow: null };
  window.__plenumSwitch = s;
  document.addEventListener('click', (e) => {
    if (s.clickAt === null) s.clickAt = performance.timeOrigin + e.timeStamp;
  }, { capture: true, once: true });
  const frame = (how) => {
    if (s.frameAt === null) { s.frameAt = now(); s.frameHow = how; }
  };
  const timer = setInterval(() => {
    const stage = document.querySelector('.stage');
    if (s.stageAt === null && stage && stage !== oldStage) s.stageAt = now();
    for (const tile of document.querySelectorAll('.stage .stage-tile')) {
      const video = tile.querySelector('video');
      const name = tile.querySelector('.stage-tile-name')?.textContent ?? '';
      if (!video || oldVideos.has(video) || !name.includes(who)) continue;
      if (s.videoAt === null) {
        s.videoAt = now();
        video.requestVideoFrameCallback?.(() => frame('rvfc'));
      }
      if (video.readyState >= 2 && video.currentTime > 0) frame('currentTime');
    }
    if (s.frameAt !== null) clearInterval(timer);
  }, 4);
  setTimeout(() => clearInterval(timer), 30000);
})()`;

/** Starts watching; call right before the switch is triggered. */
export async function watchSwitch(page: Page, publisher: string) {
  await page.evaluate(watchSource(publisher));
}

/**
 * Waits until the watched publisher's first frame was shown; returns the page's stamps. Polled
 * from here: waitForFunction would evaluate a string in the page, which Plenum's CSP forbids.
 */
export async function switchStamps(page: Page, timeoutMs = 20_000): Promise<SwitchStamps> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const stamps = (await page.evaluate('window.__plenumSwitch')) as SwitchStamps | undefined;
    if (stamps?.frameAt) return stamps;
    if (performance.now() > deadline) {
      throw new Error(`no first frame within ${timeoutMs} ms (${JSON.stringify(stamps)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Epoch ms on the driver's side, comparable with the page's stamps (same machine clock). */
export const epochNow = () => performance.timeOrigin + performance.now();
