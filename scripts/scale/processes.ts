import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { constants } from 'node:os';

/** How a process of the cluster ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = new Set<GroupProcess>();

// Whatever ends the run (a failed test, a thrown setup, Ctrl-C), no process of it stays behind.
const killAll = () => {
  for (const p of running) p.killGroup('SIGKILL');
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    killAll();
    // Nobody else listening: end as the signal would have, but with the 'exit' handlers run.
    if (process.listenerCount(signal) === 0) process.exit(128 + constants.signals[signal]);
  });

/**
 * A child in its own process group, so that a kill takes everything it started with it (tsx's
 * loader, LiveKit's helpers). Keeps its last lines for failure messages and lets a test watch
 * its output.
 */
export class GroupProcess {
  readonly output: string[] = [];
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private readonly watchers = new Set<(line: string) => void>();

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    opts: { cwd?: string; env?: Record<string, string>; logFile?: string },
  ) {
    this.child = spawn(command, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(this);
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.output.push(line);
        if (opts.logFile) appendFileSync(opts.logFile, line + '\n');
        for (const watch of this.watchers) watch(line);
      }
      this.output.splice(0, Math.max(0, this.output.length - 300));
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('error', () => resolve({ code: null, signal: null }));
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
    }).then((exit) => {
      running.delete(this);
      return exit as Exit;
    });
  }

  get pid() {
    return this.child.pid!;
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Every line written from now on. */
  watch(onLine: (line: string) => void) {
    this.watchers.add(onLine);
  }

  killGroup(signal: NodeJS.Signals) {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // already gone
    }
  }

  /** Kills the whole group and resolves once the leader has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    this.killGroup(signal);
    return this.exited;
  }

  tail(lines = 30) {
    return `${this.name}:\n${this.output.slice(-lines).join('\n')}`;
  }
}

/** Polls `check` until it holds; fails with `what()` (and the process's output) otherwise. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: () => string,
  proc?: GroupProcess,
) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && !proc.alive) throw new Error(`${what()}: it exited\n${proc.tail()}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what()}: not within ${timeoutMs} ms${proc ? `\n${proc.tail()}` : ''}`);
}
