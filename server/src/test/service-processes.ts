import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureLivekitBinary } from '../features/livekit/binary.ts';
import { startEmbeddedLivekit, type EmbeddedLivekit } from '../features/livekit/process.ts';
import { freePort } from './ports.ts';

/**
 * Private Postgres, Redis and LiveKit processes for fault tests: a test may kill these, never the
 * machine's shared ones. Each keeps its port across a restart, so apps pointed at it reconnect to
 * the same address, as they would to a restarted server in production.
 */
export interface ServiceProcess {
  /** The address clients use (postgres://…, redis://…, ws://…). */
  readonly url: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** Stops it (a clean shutdown, or a crash with SIGKILL) and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  restart(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it and removes its files. */
  close(): Promise<void>;
}

/** TEST_PG_BIN, or the newest Debian-packaged Postgres (the machine's shared one is from there). */
function postgresBin(): string {
  if (process.env.TEST_PG_BIN) return process.env.TEST_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No Postgres under ${root}; set TEST_PG_BIN to its bin folder.`);
  return path.join(root, newest, 'bin');
}
const READY_MS = 30_000;

/** Postgres refuses to run as root; tests often do. Then the cluster belongs to `postgres`. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A Postgres cluster of its own (trust auth, no fsync) in a temp dir; user `postgres`. */
export async function startPrivatePostgres(): Promise<ServiceProcess> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-pg-'));
  const data = path.join(dir, 'data');
  const owner = runAs();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
    { stdio: 'pipe', ...owner },
  );
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off');
  const service = new ChildService(
    'Postgres',
    url,
    () => spawn(path.join(bin, 'postgres'), args, { stdio: 'pipe', detached: true, ...owner }),
    () => postgresAnswers(url),
    // SIGTERM would be Postgres' smart shutdown, which waits for the app's pool to go away.
    'SIGINT',
    dir,
  );
  await service.start();
  return service;
}

/** A redis-server of its own without persistence: a restart comes back empty, as after a crash. */
export async function startPrivateRedis(): Promise<ServiceProcess> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const service = new ChildService(
    'Redis',
    `redis://127.0.0.1:${port}`,
    () => spawn('redis-server', args, { stdio: 'pipe', detached: true }),
    () => redisAnswers(port),
    'SIGTERM',
  );
  await service.start();
  return service;
}

export interface PrivateLivekit extends ServiceProcess {
  apiKey: string;
  apiSecret: string;
}

/** A LiveKit of its own on fixed ports, so a restarted one answers at the same URL. */
export async function startPrivateLivekit(opts: { webhookUrl?: string } = {}) {
  const bin = await ensureLivekitBinary({ log: () => {} });
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-lk-'));
  let port = await freePort();
  let udpPort = await freePort();
  const apiKey = 'plenumfault';
  const apiSecret = 'plenum-fault-secret-plenum-fault-secret-0123456';
  let current: EmbeddedLivekit | undefined;
  const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const service: PrivateLivekit = {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    apiKey,
    apiSecret,
    get running() {
      return current !== undefined;
    },
    async start() {
      if (current) return;
      current = await startEmbeddedLivekit({
        ...{ bin, dataDir: dir, port, rtcPort: 0, udpPort, apiKey, apiSecret, logger: quiet },
        webhookUrl: opts.webhookUrl,
      });
    },
    async stop(signal = 'SIGTERM') {
      const running = current;
      current = undefined;
      if (!running) return;
      // The supervisor would bring a crashed LiveKit back by itself; the test decides when.
      if (signal !== 'SIGTERM' && running.pid) process.kill(running.pid, signal);
      await running.stop();
    },
    async restart(signal) {
      await service.stop(signal);
      await service.start();
    },
    async close() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // A free port can be taken by another process between asking and binding: new ports, once
  // or twice, for the first start only (a restart must answer at the same URL).
  for (let attempt = 1; ; attempt++) {
    try {
      await service.start();
      return service;
    } catch (err) {
      if (attempt === 3 || !/already in use/.test((err as Error).message)) throw err;
      [port, udpPort] = [await freePort(), await freePort()];
    }
  }
}

/** One child process (and its process group) that can be stopped and started again. */
class ChildService implements ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output: string[] = [];
  private readonly killOnExit = () => this.signalGroup('SIGKILL');

  constructor(
    private readonly name: string,
    readonly url: string,
    private readonly spawnChild: () => ChildProcess,
    private readonly answers: () => Promise<boolean>,
    private readonly defaultSignal: NodeJS.Signals,
    private readonly dir?: string,
  ) {}

  get running() {
    return this.child !== undefined;
  }

  async start() {
    if (this.child) return;
    const child = this.spawnChild();
    this.child = child;
    this.output = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    }
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    process.on('exit', this.killOnExit);
    const deadline = Date.now() + READY_MS;
    while (!(await this.answers())) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        this.child = undefined;
        this.signalGroup('SIGKILL', child);
        throw new Error(`${this.name} did not start:\n${this.output.join('').slice(-2000)}`);
      }
      await sleep(50);
    }
  }

  async stop(signal: NodeJS.Signals = this.defaultSignal) {
    const child = this.child;
    if (!child) return;
    this.signalGroup(signal, child);
    await this.exited;
    // A killed postmaster leaves its backends behind; they hold the port and shared memory.
    this.signalGroup('SIGKILL', child);
    this.child = undefined;
    process.off('exit', this.killOnExit);
  }

  async restart(signal?: NodeJS.Signals) {
    await this.stop(signal);
    await this.start();
  }

  async close() {
    await this.stop('SIGKILL');
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private signalGroup(signal: NodeJS.Signals, child = this.child) {
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
