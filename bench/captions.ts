/**
 * Caption latency: one captioner types sentences into the plenary at a captioner's pace, paced
 * like the client (CaptionPacer: first keystroke at once, then the latest text at most every
 * 150 ms; Enter sends the final line), and N attendees receive `caption:line`. Measured: from each
 * keystroke until each attendee holds a line containing it — what a reader sees, pacing included.
 * Bounded: it stops by itself.
 *
 *   npm run bench -- captions [--clients 110] [--sentences 40] [--cps 15] [--transcript]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import type { Socket } from 'socket.io-client';
import { connectClient, serverLoader } from './lib/harness.ts';
import type { CaptionLine } from '@plenum/shared';
import { CaptionPacer } from '../client/src/features/captions/caption-pacing.ts';

interface Options {
  clients: number;
  sentences: number;
  /** Characters per second the captioner types (15 ≈ 180 words a minute). */
  cps: number;
  transcript: boolean;
  warmup: number;
}
interface Ready {
  type: 'ready';
  port: number;
  cookies: string[];
  captionerCookie: string;
  roomId: string;
  slug: string;
}

const HARD_LIMIT_MS = 10 * 60_000;
const serverEntry = fileURLToPath(new URL('./captions.server.ts', import.meta.url));
const text =
  'Die Kommune hat im letzten Jahr drei neue Buslinien eingerichtet und die Taktung verdichtet.';

function parse(args: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const value = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const sentences = get('sentences', 40);
  return {
    clients: get('clients', 110),
    sentences,
    cps: get('cps', 15),
    transcript: args.includes('--transcript'),
    warmup: Math.min(3, Math.floor(sentences / 10)),
  };
}

export async function run(args: string[]): Promise<number> {
  const opts = parse(args);
  let child: ChildProcess | undefined;
  const watchdog = setTimeout(() => {
    console.error(`captions: gave up after ${HARD_LIMIT_MS / 60_000} minutes`);
    child?.kill('SIGKILL');
    process.exit(2);
  }, HARD_LIMIT_MS);
  watchdog.unref();
  try {
    child = fork(
      serverEntry,
      ['plenum', String(opts.clients), opts.transcript ? 'transcript' : ''],
      { execArgv: serverLoader(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const ready = await new Promise<Ready>((resolve, reject) => {
      child!.once('message', (msg: Ready | { type: 'error'; message: string }) =>
        msg.type === 'ready' ? resolve(msg) : reject(new Error(msg.message)),
      );
      child!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const result = await measure(ready, opts);
    for (const s of result.sockets) s.disconnect();
    child.send('stop');
    await new Promise((resolve) => child!.once('exit', resolve));
    report(opts, result);
    return result.p99 <= 300 ? 0 : 1;
  } finally {
    clearTimeout(watchdog);
    child?.kill();
  }
}

async function measure(ready: Ready, opts: Options) {
  const url = `http://127.0.0.1:${ready.port}`;
  const attendees: Socket[] = [];
  for (let offset = 0; offset < opts.clients; offset += 50) {
    const batch = [];
    for (let i = offset; i < Math.min(offset + 50, opts.clients); i++) {
      batch.push(connectClient(url, { cookie: ready.cookies[i]!, slug: ready.slug }));
    }
    attendees.push(...(await Promise.all(batch)));
  }
  const captioner = await connectClient(url, { cookie: ready.captionerCookie, slug: ready.slug });

  // keyAt[seq][k]: when character k+1 of line seq was typed; seen[client][seq]: chars shown.
  const keyAt: number[][] = [];
  const seen = attendees.map(() => new Map<number, number>());
  const latencies: number[] = [];
  let lines = 0;
  attendees.forEach((socket, c) => {
    socket.on('caption:line', (line: CaptionLine) => {
      const now = performance.now();
      lines++;
      const keys = keyAt[line.seq];
      if (!keys || line.seq < opts.warmup) return;
      const shown = seen[c]!.get(line.seq) ?? 0;
      for (let k = shown; k < Math.min(line.text.length, keys.length); k++) {
        latencies.push(now - keys[k]!);
      }
      seen[c]!.set(line.seq, Math.max(shown, line.text.length));
    });
  });

  let refused = 0;
  const write = (payload: { text: string; final: boolean }) =>
    captioner.emit(
      'caption:write',
      { roomId: ready.roomId, ...payload },
      (ack: { ok: boolean; error?: { code: string } }) => {
        if (!ack.ok) refused++;
      },
    );
  const pacer = new CaptionPacer((t) => write({ text: t, final: false }));
  const started = performance.now();
  for (let seq = 0; seq < opts.sentences; seq++) {
    keyAt[seq] = [];
    for (let k = 1; k <= text.length; k++) {
      keyAt[seq]!.push(performance.now());
      pacer.typed(text.slice(0, k));
      await sleep(1000 / opts.cps);
    }
    pacer.cancel();
    write({ text, final: true });
    await sleep(300);
  }
  const typingSeconds = (performance.now() - started) / 1000;
  await sleep(1000);
  captioner.disconnect();

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const expected = opts.clients * (opts.sentences - opts.warmup) * text.length;
  return {
    sockets: attendees,
    typingSeconds,
    linesReceived: lines,
    keystrokes: latencies.length,
    expected,
    refused,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    max: latencies.at(-1) ?? NaN,
  };
}

function report(opts: Options, r: Awaited<ReturnType<typeof measure>>) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const load = loadavg().map((v) => Number(v.toFixed(2)));
  console.log(
    `\ncaptions: 1 captioner typing ${opts.sentences} sentences (${text.length} characters) at ` +
      `${opts.cps} characters/s into the plenary, ${opts.clients} attendees, transcript ` +
      `${opts.transcript ? 'on' : 'off'} (first ${opts.warmup} sentences not counted); ` +
      `${cpus().length} cores, Node ${process.version}, load average ${load.join(' / ')} at the end`,
  );
  console.log(
    `keystroke → attendee: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)} ` +
      `(${r.keystrokes}/${r.expected} keystroke deliveries, ${r.linesReceived} lines received, ` +
      `${r.refused} refused, ${r.typingSeconds.toFixed(1)} s typing) — target p99 ≤ 300 ms: ` +
      `${r.p99 <= 300 ? 'met' : 'NOT met'}`,
  );
  const { sockets: _sockets, ...figures } = r;
  console.log(
    JSON.stringify({
      bench: 'captions',
      at: new Date().toISOString(),
      cores: cpus().length,
      node: process.version,
      loadAverage: load,
      ...opts,
      ...figures,
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
