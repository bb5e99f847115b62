/**
 * Finds a livekit-server binary, building the pinned version with Go once if none is available.
 * `npm run ensure-livekit` (scripts/ensure-livekit.ts) runs it from the command line.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const LIVEKIT_VERSION = '1.13.5';
const GO_PACKAGE = `github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}`;
// A build takes ~3 minutes; a lock older than this belongs to a builder that hung.
const LOCK_WAIT_LIMIT_MS = 20 * 60_000;

export interface EnsureLivekitOptions {
  log?: (line: string) => void;
  /** false turns a missing binary into an error instead of a build (CI must not build silently). */
  allowBuild?: boolean;
}

export class LivekitBinaryError extends Error {
  override name = 'LivekitBinaryError';
}

export function livekitCacheDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'plenum', `livekit-server-v${LIVEKIT_VERSION}`);
}

export async function ensureLivekitBinary(opts: EnsureLivekitOptions = {}): Promise<string> {
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));

  const fromEnv = process.env.LIVEKIT_BIN;
  if (fromEnv) {
    const bin = resolve(fromEnv);
    if (!(await isExecutable(bin))) {
      throw new LivekitBinaryError(`LIVEKIT_BIN=${fromEnv} does not exist or is not executable.`);
    }
    return bin;
  }

  const onPath = await findOnPath('livekit-server');
  if (onPath) return onPath;

  const cached = join(livekitCacheDir(), 'server');
  if (await isExecutable(cached)) return cached;

  if (opts.allowBuild === false) throw new LivekitBinaryError(missingBinaryMessage('not allowed'));
  const go = await findOnPath('go');
  if (!go) throw new LivekitBinaryError(missingBinaryMessage('no Go on PATH'));

  await withBuildLock(livekitCacheDir(), log, async () => {
    // Another process may have finished the build while we waited for the lock.
    if (await isExecutable(cached)) return;
    await buildWithGo(go, cached, log);
  });
  return cached;
}

function missingBinaryMessage(reason: 'no Go on PATH' | 'not allowed'): string {
  const why =
    reason === 'no Go on PATH'
      ? 'No livekit-server binary found and Go is not installed to build one.'
      : 'No livekit-server binary found, and building one is disabled here.';
  return [
    why,
    'Get one in any of these ways:',
    `  - install Go (https://go.dev/dl/) and rerun: npm run ensure-livekit`,
    `  - download livekit-server v${LIVEKIT_VERSION} from https://github.com/livekit/livekit/releases and set LIVEKIT_BIN=/path/to/livekit-server`,
    '  - run LiveKit in Docker (docker compose up -d livekit) and set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET',
  ].join('\n');
}

async function buildWithGo(go: string, target: string, log: (line: string) => void) {
  const cacheDir = join(target, '..');
  // go install writes its output in place; building into a private dir and renaming keeps
  // callers that check `target` without the lock from ever seeing a half-written binary.
  const gobin = join(cacheDir, `.build-${process.pid}`);
  await rm(gobin, { recursive: true, force: true });
  await mkdir(gobin, { recursive: true });

  log(`Building LiveKit server v${LIVEKIT_VERSION} with Go (takes ~3 minutes, once)...`);
  const started = Date.now();
  const child = spawn(go, ['install', GO_PACKAGE], {
    env: { ...process.env, GOBIN: gobin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => log(`[livekit build] ${line}`));
  }
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) {
    await rm(gobin, { recursive: true, force: true });
    throw new LivekitBinaryError(
      `Building livekit-server failed (go install exited with ${code}); see the lines above.`,
    );
  }
  await rename(join(gobin, 'server'), target);
  await rm(gobin, { recursive: true, force: true });
  log(`LiveKit server built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
}

/** Serialises builds across processes (parallel test workers): the second caller waits. */
async function withBuildLock(dir: string, log: (line: string) => void, build: () => Promise<void>) {
  await mkdir(dir, { recursive: true });
  const lockPath = join(dir, 'build.lock');
  const deadline = Date.now() + LOCK_WAIT_LIMIT_MS;
  let announced = false;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(lockPath, 'utf8').catch(() => ''));
    if (holder && !isAlive(holder)) {
      // The builder died without cleaning up; its lock means nothing now.
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LivekitBinaryError(`Gave up waiting for the LiveKit build lock ${lockPath}.`);
    }
    if (!announced) log(`Waiting for another process (pid ${holder}) to build LiveKit...`);
    announced = true;
    await new Promise((r) => setTimeout(r, 500));
  }
  try {
    // Holding the lock, any leftover build dir is from a builder that was killed.
    for (const entry of await readdir(dir)) {
      if (entry.startsWith('.build-')) await rm(join(dir, entry), { recursive: true, force: true });
    }
    await build();
  } finally {
    await rm(lockPath, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function firstExecutable(paths: string[]): Promise<string | undefined> {
  for (const path of paths) if (await isExecutable(path)) return path;
  return undefined;
}

function findOnPath(name: string): Promise<string | undefined> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return firstExecutable(dirs.map((dir) => join(dir, name)));
}
