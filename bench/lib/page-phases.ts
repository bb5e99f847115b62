/**
 * Where the time of a join or switch goes, seen from inside the page, without touching the app:
 * an init script wraps `WebSocket` (LiveKit's signal connection, `/rtc`) and `RTCPeerConnection`
 * (connected, first remote track) and keeps the resource timing of every request (chunks, API,
 * token). Kept as page source text because bench/ is typechecked without the DOM library.
 * Stamps are epoch ms (performance.timeOrigin + now), comparable with page-watch.ts's.
 */
import type { BrowserContext, Page } from 'playwright-core';

export const phaseHooks = `(() => {
  if (window.__plenumPhases) return;
  const now = () => performance.timeOrigin + performance.now();
  const log = (window.__plenumPhases = []);
  try { performance.setResourceTimingBufferSize(100000); } catch {}
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes('/socket.io/')) {
        this.addEventListener('message', (e) => {
          if (typeof e.data === 'string' && e.data.includes('"room:assigned"')) log.push(['assigned', now()]);
        });
      }
      if (String(url).includes('/rtc')) {
        log.push(['signalStart', now()]);
        this.addEventListener('open', () => log.push(['signalOpen', now()]));
      }
    }
  };
  const PC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends PC {
    constructor(config) {
      super(config);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') log.push(['pcConnected', now()]);
      });
      this.addEventListener('track', (e) => log.push(['track-' + e.track.kind, now()]));
    }
  };
})()`;

/** Installs the hooks in every page of the context, before the app's scripts run. */
export async function hookPhases(context: BrowserContext) {
  await context.addInitScript({ content: phaseHooks });
}

/**
 * Milestones after `from` (ms since it): the LiveKit token's response, the last script chunk
 * loaded, the server's room:assigned, the signal WebSocket opened, a peer connection connected, the first remote video track.
 * Null where the page saw none (e.g. a chunk already cached, a connection kept).
 */
export interface Phases {
  chunks: number | null;
  api: number | null;
  token: number | null;
  /** The server's `room:assigned` arrived on the page's socket (a phase opened or closed). */
  assigned: number | null;
  /** The new room's stage element is on the page (React rendered the switch). */
  stage: number | null;
  /** LiveKit's signal WebSocket created: the page started connecting. */
  connect: number | null;
  signal: number | null;
  connected: number | null;
  track: number | null;
}

export async function collectPhases(
  page: Page,
  from: number,
  until: number,
  stageAt: number | null = null,
): Promise<Phases> {
  const raw = (await page.evaluate(`(() => ({
    log: window.__plenumPhases ?? [],
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      start: performance.timeOrigin + e.startTime,
      end: performance.timeOrigin + e.responseEnd,
    })),
  }))()`)) as {
    log: [string, number][];
    resources: { name: string; start: number; end: number }[];
  };
  const within = (at: number) => at >= from - 1 && at <= until;
  const since = (at: number | undefined) => (at === undefined ? null : Math.round(at - from));
  const first = (what: string) => raw.log.find(([name, at]) => name === what && within(at))?.[1];
  const resources = raw.resources.filter((r) => within(r.start));
  const lastEnd = (match: (name: string) => boolean) => {
    const ends = resources.filter((r) => match(new URL(r.name).pathname)).map((r) => r.end);
    return ends.length ? Math.max(...ends) : undefined;
  };
  const token = resources.find((r) => new URL(r.name).pathname.endsWith('/token'))?.end;
  return {
    chunks: since(lastEnd((p) => p.endsWith('.js') || p.endsWith('.css'))),
    api: since(lastEnd((p) => p.startsWith('/api/') && !p.endsWith('/token'))),
    token: since(token),
    assigned: since(first('assigned')),
    stage: since(stageAt ?? undefined),
    connect: since(first('signalStart')),
    signal: since(first('signalOpen')),
    connected: since(first('pcConnected')),
    track: since(first('track-video')),
  };
}

export const phaseNames: (keyof Phases)[] = [
  'chunks',
  'api',
  'token',
  'assigned',
  'stage',
  'connect',
  'signal',
  'connected',
  'track',
];
