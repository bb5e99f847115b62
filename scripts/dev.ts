/**
 * `npm run dev`: the platform for working on it. Seeds the demo forum and starts the embedded
 * LiveKit and database as `npm start` does, then runs the server under `tsx watch` (it restarts on
 * a change in server/ or shared/) and Vite with hot reload, which proxies /api and Socket.IO to
 * the server. Ctrl-C stops everything, LiveKit included.
 *
 * LiveKit runs in this process rather than in the server: a server restart keeps the media
 * server, and the calls in it, running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/client.ts';
import { demoInvitationLinks } from '../server/src/features/demo/invitation-links.ts';
import type { EmbeddedLivekit } from '../server/src/features/livekit/process.ts';
import { loadOrCreateSecrets } from '../server/src/lib/secrets.ts';
import { startConfiguredLivekit } from '../server/src/runtime.ts';
import { LivekitBinaryError } from './ensure-livekit.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const CHILD_STOP_MS = 15_000;

const running: { children: ChildProcess[]; livekit: EmbeddedLivekit | null } = {
  children: [],
  livekit: null,
};
let stopping = false;

function devPort(): number {
  const port = Number(process.env.DEV_PORT || 5173);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError([`DEV_PORT: must be a port number, not ${process.env.DEV_PORT}`]);
  }
  return port;
}

const livekitLog = (print: (line: string) => void) => (obj: object | string, msg?: string) => {
  const fields = typeof obj === 'string' ? {} : (obj as { livekit?: string });
  print(`[livekit] ${fields.livekit ?? msg ?? obj}`);
};
const livekitLogger = {
  info: livekitLog(console.log),
  warn: livekitLog(console.warn),
  error: livekitLog(console.error),
  debug: () => {}, // LiveKit's own info lines: too many for a terminal
};

/** The embedded LiveKit, unless LIVEKIT_URL names one; returns what the server needs to reach it. */
async function startLivekit(config: Config): Promise<Record<string, string>> {
  if (config.livekit.url) return {};
  const secrets = loadOrCreateSecrets(config.dataDir);
  const keys = {
    apiKey: config.livekit.apiKey ?? secrets.livekitApiKey,
    apiSecret: config.livekit.apiSecret ?? secrets.livekitApiSecret,
  };
  running.livekit = await startConfiguredLivekit(config, keys, livekitLogger);
  return {
    LIVEKIT_URL: running.livekit.url,
    LIVEKIT_API_KEY: keys.apiKey,
    LIVEKIT_API_SECRET: keys.apiSecret,
  };
}

/** Migrates, seeds and mints the links before the server opens the database (PGlite: one process). */
async function prepareDatabase(config: Config) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await demoInvitationLinks(database.db, config.publicUrl, 'npm run dev');
  } finally {
    await database.close();
  }
}

/** In its own process group, so that Ctrl-C reaches it once, from us, in order. */
function startChild(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  running.children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (code ${code}, signal ${signal}); stopping.`);
    void stop(1);
  });
  return child;
}

function viteBin(): string {
  const require = createRequire(path.join(root, 'client/package.json'));
  return path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
}

async function waitUntilServing(url: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Nothing answered on ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // tsx watch passes SIGTERM on to the server, which closes sockets and the database cleanly.
  // LiveKit stops at once: Ctrl-C reached it too, and its supervisor must not restart it.
  await Promise.all([
    ...running.children.map(async (child) => {
      if (child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), CHILD_STOP_MS);
      await exited(child);
      clearTimeout(timer);
    }),
    running.livekit?.stop().catch((err) => console.error(err)),
  ]);
  process.exit(code);
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// If this process dies some other way, its detached children must not outlive it.
process.on('exit', () => {
  for (const child of running.children) if (child.pid) signalGroup(child.pid, 'SIGTERM');
});

try {
  const port = devPort();
  const devUrl = `http://localhost:${port}`;
  // Links and the allowed origin point at Vite: that is the page a developer opens.
  const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL || devUrl };
  const config = loadConfig(env);
  const demo = await prepareDatabase(config);
  const livekitEnv = await startLivekit(config);
  if (!stopping) {
    startChild(
      'The server watcher',
      [
        ...[path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false'],
        ...['--include', 'shared/src', '--exclude', '**/*.test.ts', 'server/src/server.ts'],
      ],
      root,
      { ...env, ...livekitEnv },
    );
    // vite.config.ts proxies to the server's PORT.
    const viteArgs = [viteBin(), '--port', String(port), '--strictPort', '--clearScreen', 'false'];
    startChild('Vite', viteArgs, path.join(root, 'client'), { ...env, PORT: String(config.port) });
  }
  await waitUntilServing(`http://127.0.0.1:${config.port}/api/health`);
  await waitUntilServing(`${devUrl}/api/health`);
  if (!stopping) {
    console.log(`
Plenum (development) is running on ${devUrl}
Vite reloads the page on changes in client/; the server on port ${config.port} restarts on changes in server/ and shared/.
LiveKit: ${livekitEnv.LIVEKIT_URL ?? config.livekit.url}   Database: ${config.databaseUrl ? 'Postgres' : `embedded (PGlite, ${config.dataDir})`}

${demo.text}

Press Ctrl-C to stop.`);
  }
} catch (err) {
  console.error(
    err instanceof ConfigError || err instanceof LivekitBinaryError ? err.message : err,
  );
  await stop(1);
}
