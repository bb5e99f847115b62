import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Debian's Chromium with a fake camera and microphone; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
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

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for: HTTP requests and WebSockets. */
  requests: string[];
  /** Every RTCPeerConnection configuration the page created. */
  rtcConfigs: () => Promise<unknown[]>;
}

/** A person in their own browser context (own cookies), with everything they request recorded. */
export async function openPerson(browser: Browser, name: string, baseURL: string): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(() => {
    // Record how WebRTC is configured: no ICE server means no third party learns our addresses.
    const configs: unknown[] = [];
    (window as unknown as { __rtcConfigs: unknown[] }).__rtcConfigs = configs;
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        configs.push(JSON.parse(JSON.stringify(config ?? {})));
        super(config);
      }
    };
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push(socket.url()));
  return {
    name,
    context,
    page,
    requests,
    rtcConfigs: () =>
      page.evaluate(() => (window as unknown as { __rtcConfigs: unknown[] }).__rtcConfigs),
  };
}

let step = 0;
/** A full-page screenshot under e2e/artifacts/, numbered in the order of the scenario. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  step += 1;
  // From the top, as a person arriving sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `${artifactsDir}${String(step).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export type AxeImpact = 'critical' | 'serious' | 'moderate' | 'minor';
export const moderateOrWorse: AxeImpact[] = ['moderate', 'serious', 'critical'];

/**
 * Runs axe-core on the page, or only on the parts matching `include` that are there; returns the
 * violations of the given impacts, described.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly AxeImpact[],
  include?: string[],
): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const present = include?.filter((s) => document.querySelector(s));
    if (present?.length === 0) return [];
    const context = present ? { include: present.map((s) => [s]) } : document;
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, include ?? null);
  return violations
    .filter((v) => impacts.includes((v.impact ?? '') as AxeImpact))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** The serious and critical violations on the whole page. */
export const seriousViolations = (page: Page) => axeViolations(page, ['serious', 'critical']);

/**
 * Whether the named person's video plays in the page's stage: a <video> with frames, advancing
 * time, not paused, and a visible size.
 */
export function videoOfPlays(page: Page, name: string): Promise<boolean> {
  return page.evaluate((who) => {
    // The stage's own tiles since the layout rework (LiveKit's participant tiles before it).
    const tiles = [...document.querySelectorAll('.stage .stage-tile, .stage .lk-participant-tile')];
    return tiles.some((tile) => {
      const label = tile.querySelector('.stage-tile-name, .tile-name')?.textContent ?? '';
      const video = tile.querySelector('video');
      if (!label.includes(who) || !video) return false;
      const box = video.getBoundingClientRect();
      return (
        !video.paused &&
        video.readyState >= 2 &&
        video.videoWidth > 0 &&
        video.currentTime > 0 &&
        box.width > 0 &&
        box.height > 0
      );
    });
  }, name);
}
