import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createClient } from 'redis';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase } from './database.ts';
import { freePort } from './ports.ts';
import { TEST_SESSION_SECRET } from './app.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** How a killed or stopped app process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The real server entry (server/src/server.ts, as the Dockerfile runs it) as a child process the
 * test owns, so that a fault test can SIGKILL or SIGTERM it. The port and the session secret stay
 * fixed across restarts: clients reconnect to the same address with the same cookies.
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<Exit> | null = null;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  readonly output: string[] = [];

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly nodeArgs: string[],
  ) {}

  /** `nodeArgs` go to node before the entry, e.g. `--cpu-prof` to see where a restart spends. */
  static async create(
    databaseUrl: string,
    env: Record<string, string> = {},
    nodeArgs: string[] = [],
  ) {
    const port = await freePort();
    const livekit = inject('livekit');
    return new AppProcess(
      port,
      {
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: databaseUrl,
        REDIS_URL: testRedisUrl,
        LIVEKIT_URL: livekit.url,
        LIVEKIT_API_KEY: livekit.apiKey,
        LIVEKIT_API_SECRET: livekit.apiSecret,
        SESSION_SECRET: TEST_SESSION_SECRET,
        LOG_LEVEL: 'warn',
        ...env,
      },
      nodeArgs,
    );
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the process; returns at once (see waitHealthy). */
  start() {
    if (this.running) throw new Error('the app process is already running');
    const child = spawn(
      process.execPath,
      [...this.nodeArgs, '--import', 'tsx', 'server/src/server.ts'],
      {
        cwd: repoRoot,
        env: { ...process.env, ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 200));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.child = child;
  }

  /** Polls GET /api/health until it answers ok; fails with the process's output otherwise. */
  async waitHealthy(timeoutMs = 60_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running) throw new Error(`the app process exited:\n${this.tail()}`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok && ((await res.json()) as { ok?: boolean }).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the app process did not become healthy in ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** Sends the signal and resolves once the process has exited. */
  async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<Exit> {
    if (!this.child || !this.exited) throw new Error('the app process was never started');
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  /** Starts again on the same port after a kill; resolves when healthy. */
  async restart(timeoutMs?: number) {
    if (this.running) await this.kill('SIGKILL');
    this.start();
    await this.waitHealthy(timeoutMs);
  }

  /** The exit, whenever it comes (for "exits by itself within" checks). */
  exit(): Promise<Exit> {
    if (!this.exited) throw new Error('the app process was never started');
    return this.exited;
  }

  tail(lines = 40) {
    return this.output.slice(-lines).join('\n');
  }
}

/**
 * A fresh database with an in-process app on it for seeding (events, invitation links, sessions
 * through app.inject as in fixtures.ts) and for reading what the app process stored. It never
 * listens, has no Redis and never checks deadlines, so it cannot take work from the process
 * under test.
 */
export async function createSeedingApp(): Promise<{
  app: FastifyInstance;
  databaseUrl: string;
  close(): Promise<void>;
}> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenum-fault-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://localhost:3000',
    PLENUM_DATA_DIR: dataDir,
  });
  const app = await buildApp(config, {
    sessionSecret: TEST_SESSION_SECRET,
    livekit: inject('livekit'),
    clientDist: null,
    authRateLimit: 100_000,
    deadlineCheckMs: 24 * 60 * 60_000,
  });
  await app.ready();
  return {
    app,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Removes what an app process on this database left in the shared Redis (keys are scoped by it). */
export async function dropRedisKeys(databaseUrl: string) {
  const client = createClient({ url: testRedisUrl });
  await client.connect();
  try {
    const keys = await client.keys(`plenum:${new URL(databaseUrl).pathname.slice(1)}:*`);
    if (keys.length) await client.del(keys);
  } finally {
    await client.close();
  }
}
