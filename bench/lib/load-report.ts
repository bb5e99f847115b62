/** The table and JSON line of bench/livekit-load.ts. */
import { msCell, type Summary } from './harness.ts';

export interface LoadStep {
  subscribers: number;
  /** Subscribers that tried to join in this step. */
  newcomers: number;
  /** The time bound stopped the joins before the step's target. */
  cutShort: boolean;
  /** Subscribers this process holds after the step. */
  connected: number;
  /** Subscribers LiveKit lists in the room (its participants minus the publisher). */
  inLivekit: number;
  /** The publisher's tracks as LiveKit lists them after the step (2: camera and tone). */
  publisherTracksInLivekit: number;
  /** reconnecting / reconnected / disconnected of the publisher's connection during the step. */
  publisherEvents: string[];
  errors: number;
  errorSample: string[];
  /** Per newcomer: connect start → video track subscribed, ms. */
  subscribed: Summary;
  /** Per newcomer: connect start → first decoded video frame, ms. */
  firstFrame: Summary;
  joinSeconds: number;
  joinCpu: { livekitPct: number; benchPct: number };
  steadyCpu: { livekitPct: number; benchPct: number };
  livekitRssMb: number;
  /** Threads of this process: rtc-node runs native threads per connection. */
  benchThreads: number;
  /** Frames per second a few random subscribers received during the hold. */
  sampledFps: number[];
  /** Frames per second the publisher actually handed to its encoder during the hold. */
  publishedFps: number;
  /** The widest frame each of them received (the simulcast layer LiveKit forwards). */
  sampledWidths: number[];
  loadAverage: number[];
}

export function loadReport(run: {
  width: number;
  height: number;
  fps: number;
  hold: number;
  machine: object;
  describe: string;
  steps: LoadStep[];
  verdict: string;
}) {
  console.log(
    `\nlivekit-load: 1 publisher (${run.width}×${run.height} @ ${run.fps} fps, simulcast, + tone), ` +
      `N rtc-node subscribers in this process; CPU in % of one core (200 % = the machine), ` +
      `steady = ${run.hold} s hold after the step; ${run.describe} at the end`,
  );
  console.log(
    '    N  in LK errors | subscr. p50 | first frame p50  p95     p99     max | join s  LK cpu' +
      '  bench cpu | steady LK cpu  bench cpu  LK/sub | LK RSS MB | fps sent | got min–max | width | load 1m',
  );
  for (const s of run.steps) {
    const f = s.firstFrame;
    const perSub = s.steadyCpu.livekitPct / Math.max(1, s.connected);
    console.log(
      [
        String(s.subscribers).padStart(5),
        String(s.inLivekit).padStart(6),
        String(s.errors).padStart(6),
        '|',
        msCell(s.subscribed.p50),
        '   |',
        [f.p50, f.p95, f.p99, f.max].map(msCell).join(''),
        '  |',
        s.joinSeconds.toFixed(1).padStart(6),
        `${s.joinCpu.livekitPct}`.padStart(7),
        `${s.joinCpu.benchPct}`.padStart(10),
        ' |',
        `${s.steadyCpu.livekitPct}`.padStart(13),
        `${s.steadyCpu.benchPct}`.padStart(10),
        perSub.toFixed(2).padStart(7),
        ' |',
        s.livekitRssMb.toFixed(1).padStart(9),
        ' |',
        String(s.publishedFps).padStart(8),
        '|',
        `${Math.min(...s.sampledFps)}–${Math.max(...s.sampledFps)}`.padEnd(11),
        '|',
        String(Math.min(...s.sampledWidths)).padStart(5),
        '|',
        String(s.loadAverage[0]),
      ].join(' '),
    );
    for (const message of s.errorSample) console.log(`        error: ${message}`);
    if (s.publisherEvents.length || s.publisherTracksInLivekit < 2)
      console.log(
        `        publisher: ${s.publisherTracksInLivekit} tracks in LiveKit, connection ` +
          `${s.publisherEvents.join(', ') || 'without events'}`,
      );
  }
  console.log(`verdict: ${run.verdict}`);
  console.log(
    JSON.stringify({
      bench: 'livekit-load',
      at: new Date().toISOString(),
      ...run.machine,
      publisher: { width: run.width, height: run.height, fps: run.fps },
      holdSeconds: run.hold,
      steps: run.steps,
      verdict: run.verdict,
    }),
  );
  return 0;
}
