/**
 * The bare LiveKit baseline for the browser benches: a page with nothing but livekit-client (its
 * UMD build, loaded before the click) that, on a click, connects with a token signed in the
 * driver, subscribes, attaches the named publisher's video and stamps its first frame
 * (requestVideoFrameCallback). Clicked again with another token it leaves the old room first
 * and joins the new one — the same order as Plenum's keyed remount. Same Room options as
 * client/src/features/stage/Stage.tsx (adaptiveStream, dynacast, no ICE servers).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../server/src/test/ports.ts';
import { hookPhases } from './page-phases.ts';

const html = `<!doctype html><meta charset="utf-8"><title>bare</title>
<button id="go">go</button><div id="stage"></div>
<script src="/lk.js"></script><script src="/bare.js"></script>`;

const script = `(() => {
  const LK = window.LivekitClient;
  const now = () => performance.timeOrigin + performance.now();
  let room = null;
  window.bareLeave = () => room?.disconnect();
  window.bareArm = (url, token, who) => {
    window.__next = { url, token, who };
    window.__plenumSwitch = { clickAt: null, connectedAt: null, videoAt: null, frameAt: null, error: null };
  };
  document.getElementById('go').addEventListener('click', async (e) => {
    const s = window.__plenumSwitch;
    s.clickAt = performance.timeOrigin + e.timeStamp;
    const { url, token, who } = window.__next;
    try {
      if (room) await room.disconnect();
      const r = new LK.Room({ adaptiveStream: true, dynacast: true });
      room = r;
      r.on(LK.RoomEvent.TrackSubscribed, (track, pub, participant) => {
        if (track.kind !== 'video' || participant.identity !== who) return;
        const el = track.attach();
        el.muted = true; el.width = 640; el.height = 360;
        document.getElementById('stage').replaceChildren(el);
        if (s.videoAt === null) s.videoAt = now();
        el.requestVideoFrameCallback(() => { if (s.frameAt === null) s.frameAt = now(); });
      });
      await r.connect(url, token, { rtcConfig: { iceServers: [] } });
      s.connectedAt = now();
    } catch (err) { s.error = String(err); }
  });
})()`;

export interface BarePage {
  url: string;
  open(browser: Browser): Promise<Page>;
  close(): Promise<void>;
}

export async function startBarePage(): Promise<BarePage> {
  const require = createRequire(import.meta.url);
  // The package exports only its ESM entry; the UMD build sits beside it in dist/.
  const entry = require.resolve('livekit-client');
  const lk = readFileSync(path.join(path.dirname(entry), 'livekit-client.umd.js'));
  const server: Server = createServer((req, res) => {
    const body = req.url === '/lk.js' ? lk : req.url === '/bare.js' ? script : html;
    const type = req.url?.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async open(browser) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await hookPhases(context);
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction('!!window.bareArm');
      return page;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Arms the page with the next room's token and the publisher to wait for, then clicks. */
export async function bareClick(page: Page, lkUrl: string, token: string, publisher: string) {
  const args = [lkUrl, token, publisher].map((a) => JSON.stringify(a)).join(', ');
  await page.evaluate(`window.bareArm(${args})`);
  await page.click('#go');
}
