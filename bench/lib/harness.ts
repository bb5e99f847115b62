/**
 * The driver's side of a benchmark: options, a hard time limit, the server child process (forked
 * so that the server has a core of its own), real socket.io clients, plain HTTP on loopback, and
 * percentiles. The pattern is bench/chat-fanout.ts's, shared here by the newer scenarios.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { ensureLivekitBinary } from '../../scripts/ensure-livekit.ts';
import { startEmbeddedLivekit } from '../../server/src/features/livekit/process.ts';
import { freePort } from '../../server/src/test/ports.ts';

const asShipped = fileURLToPath(new URL('./as-shipped.mjs', import.meta.url));

/**
 * How a bench's server child loads our TypeScript: as the server ships, without tsx's keepNames
 * (see as-shipped-hooks.mjs); `PLENUM_BENCH_LOADER=tsx` runs it under tsx, as `npm start` does.
 */
export const serverLoader = () => [
  '--import',
  process.env.PLENUM_BENCH_LOADER === 'tsx' ? 'tsx' : asShipped,
];

/** `--name value` numbers and `--flag` switches; unknown names are an error, not a silent default. */
export function parseArgs<T extends Record<string, number>>(
  args: string[],
  defaults: T,
  flags: readonly string[] = [],
): T & { flags: Set<string> } {
  const values: Record<string, number> = { ...defaults };
  const set = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.replace(/^--/, '');
    if (flags.includes(name)) {
      set.add(name);
    } else if (name in defaults) {
      const value = Number(args[++i]);
      if (!Number.isFinite(value) || value <= 0)
        throw new Error(`--${name} must be a positive number`);
      values[name] = value;
    } else {
      throw new Error(`unknown option ${args[i]}; known: ${[...Object.keys(defaults), ...flags]}`);
    }
  }
  return { ...(values as T), flags: set };
}

/** Kills every child and exits if the run takes longer than it may. */
export function hardLimit(name: string, ms: number, children: Set<ChildProcess>) {
  const timer = setTimeout(() => {
    console.error(`${name}: gave up after ${ms / 60_000} minutes`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(2); // the embedded LiveKit's exit hook SIGKILLs it too
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

export interface ServerChild<R> {
  child: ChildProcess;
  ready: R;
  /** Asks the child for something and waits for the answer of that type. */
  ask<A>(message: object, answerType: string): Promise<A>;
  /** The child's monotonic clock in µs, the one its CPU profile is stamped with. */
  mark(): Promise<number>;
  /** Stops the child; with --cpu-prof, returns the profile it wrote (windows saved beside it). */
  stop(profileWindows?: [number, number][]): Promise<string | undefined>;
}

/**
 * Forks `<name>.server.ts` and waits for its `ready` message. With `cpuProfDir` the child runs
 * under `node --cpu-prof`; the profile is written when it exits after `stop`.
 */
export async function forkServer<R>(
  entry: string,
  args: string[],
  children: Set<ChildProcess>,
  opts: { cpuProfDir?: string; env?: Record<string, string>; node?: string } = {},
): Promise<ServerChild<R>> {
  const execArgv = [...serverLoader(), '--expose-gc'];
  if (opts.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  const child = fork(entry, args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Another Node for the server than the driver's (join-storm --node24).
    ...(opts.node && { execPath: opts.node }),
    env: { ...process.env, ...opts.env },
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<R>((resolve, reject) => {
    child.once('message', (msg: { type: string; message?: string }) =>
      msg.type === 'ready' ? resolve(msg as R) : reject(new Error(msg.message)),
    );
    child.once('exit', (code) => reject(new Error(`${entry} ${args[0]} exited with ${code}`)));
  });
  const ask = <A>(message: object, answerType: string) =>
    new Promise<A>((resolve) => {
      const listener = (msg: { type: string }) => {
        if (msg.type !== answerType) return;
        child.off('message', listener);
        resolve(msg as A);
      };
      child.on('message', listener);
      child.send(message);
    });
  return {
    child,
    ready,
    ask,
    mark: async () => (await ask<{ us: number }>({ type: 'mark' }, 'mark')).us,
    stop: async (profileWindows = []) => {
      if (child.exitCode === null && child.signalCode === null) child.send('stop');
      await exited;
      children.delete(child);
      if (!opts.cpuProfDir) return undefined;
      const name = readdirSync(opts.cpuProfDir).find(
        (f) => f.includes(`.${child.pid}.`) && f.endsWith('.cpuprofile'),
      );
      if (!name) return undefined;
      const file = path.join(opts.cpuProfDir, name);
      if (profileWindows.length)
        writeFileSync(`${file}.windows.json`, JSON.stringify(profileWindows));
      return file;
    },
  };
}

/** Where `--cpu-prof` puts the server child's profiles. */
export function profileDir() {
  const dir = fileURLToPath(new URL('../../.data/bench/profiles', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface BenchLivekit {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** pid of the livekit-server process (the supervisor restarts it under a new one if it dies). */
  pid(): number | undefined;
  /** No more error lines: participants leaving make LiveKit log closed pipes. */
  silence(): void;
  stop(): Promise<void>;
}

/** A real LiveKit on free loopback ports, as server/src/test/global-setup.ts starts it. */
export async function startLivekit(): Promise<BenchLivekit> {
  const bin = await ensureLivekitBinary({ log: (line) => console.error(line) });
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-bench-livekit-'));
  const apiKey = 'plenumbench';
  const apiSecret = `bench-${crypto.randomUUID()}-${crypto.randomUUID()}`;
  const quiet = () => {};
  // Stopping makes LiveKit log errors about the pipes it is closing: not worth a line.
  let stopping = false;
  const error = (o: object | string) => {
    if (!stopping) console.error(o);
  };
  const start = async () =>
    startEmbeddedLivekit({
      bin,
      dataDir: dir,
      port: await freePort(),
      rtcPort: await freePort(),
      udpPort: await freePort(),
      apiKey,
      apiSecret,
      logger: { info: quiet, warn: quiet, debug: quiet, error },
    });
  // A port free a moment ago may be taken by the time LiveKit binds it (tests run beside us).
  const livekit = await start()
    .catch(start)
    .catch(start)
    .catch((err) => {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    });
  return {
    url: livekit.url,
    apiKey,
    apiSecret,
    pid: () => livekit.pid,
    silence: () => (stopping = true),
    stop: async () => {
      stopping = true;
      await livekit.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Env for the server child: where LiveKit is. Not argv, so the secret is not in `ps`. */
export const livekitEnv = (lk: BenchLivekit) => ({
  BENCH_LIVEKIT: JSON.stringify({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret }),
});

export interface ConnectOptions {
  cookie?: string;
  slug?: string;
  timeoutMs?: number;
  /** Sent in the handshake's URL (join-trace reads `sent`). */
  query?: Record<string, string>;
}

/** A real socket.io-client over WebSocket that resolves once the server accepted it. */
export function connectClient(url: string, opts: ConnectOptions): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: opts.timeoutMs ?? 60_000,
    ...(opts.cookie && { extraHeaders: { cookie: opts.cookie } }),
    auth: opts.slug ? { event: opts.slug } : {},
    ...(opts.query && { query: opts.query }),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** connectClient for person `index` of a prepared set (cookies, slug); an error names who. */
export function connectLabelled(
  url: string,
  ready: { cookies: (string | undefined)[]; slug?: string },
  index: number,
  who: string,
): Promise<Socket> {
  return connectClient(url, { cookie: ready.cookies[index], slug: ready.slug }).catch((err) => {
    throw new Error(`${who} ${index}: ${(err as Error).message}`);
  });
}

/** Connects `count` clients, `batch` at a time; returns them in order. */
export async function connectMany(
  url: string,
  count: number,
  optsOf: (i: number) => ConnectOptions,
  batch = 50,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let offset = 0; offset < count; offset += batch) {
    const pending = [];
    for (let i = offset; i < Math.min(offset + batch, count); i++) {
      pending.push(connectClient(url, optsOf(i)));
    }
    sockets.push(...(await Promise.all(pending)));
  }
  return sockets;
}

export interface HttpAnswer {
  status: number;
  body: string;
  setCookie: string[];
}

/** One keep-alive connection pool per driver, like a browser's, without fetch's Origin rules. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function httpPost(
  url: string,
  opts: { cookie?: string; body?: object; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const payload = opts.body ? JSON.stringify(opts.body) : '';
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        timeout: opts.timeoutMs ?? 30_000,
        headers: {
          ...(opts.body && { 'content-type': 'application/json' }),
          'content-length': Buffer.byteLength(payload),
          ...(opts.cookie && { cookie: opts.cookie }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles in ms, rounded to 0.1 ms. */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    count: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(pct(0.5)),
    p95: round(pct(0.95)),
    p99: round(pct(0.99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

export const msCell = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1)).padStart(8);

/** Cores, Node and the load average, for the heading of every table. */
export function machine() {
  return {
    cores: cpus().length,
    node: process.version,
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
  };
}

export const describeMachine = () => {
  const m = machine();
  return `${m.cores} cores, Node ${m.node}, load average ${m.loadAverage.join(' / ')}`;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
