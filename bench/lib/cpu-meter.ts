/**
 * Who used the machine's cores during a measured window, from /proc (Linux): the whole machine
 * (busy and steal), the processes of the shared services by name (every `postgres` backend, also
 * other sessions' ones; `redis-server`), single processes by pid (the run's LiveKit, whose binary
 * is called `server`) and this driver process. In % of one
 * core, so 200 % is a 2-core machine. A process that exits inside the window loses its share.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface CpuSample {
  atMs: number;
  /** Jiffies of the machine: all, idle (idle + iowait), steal. */
  machine: { total: number; idle: number; steal: number };
  /** Per name, ticks per pid (utime + stime). */
  processes: Record<string, Map<number, number>>;
  driverUs: number;
  loadAverage: number[];
}

export function sampleCpu(
  names: readonly string[],
  pids: Record<string, number | undefined> = {},
): CpuSample {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
  const processes: Record<string, Map<number, number>> = {};
  for (const name of names) processes[name] = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const bucket = processes[commOf(entry) ?? ''];
    const ticks = bucket && ticksOf(Number(entry));
    if (bucket && ticks !== undefined) bucket.set(Number(entry), ticks);
  }
  for (const [label, pid] of Object.entries(pids)) {
    processes[label] = new Map();
    if (pid !== undefined) {
      const ticks = ticksOf(pid);
      if (ticks !== undefined) processes[label].set(pid, ticks);
    }
  }
  const driver = process.cpuUsage();
  return {
    atMs: performance.now(),
    machine: {
      total: user! + nice! + system! + idle! + iowait! + irq! + softirq! + (steal ?? 0),
      idle: idle! + iowait!,
      steal: steal ?? 0,
    },
    processes,
    driverUs: driver.user + driver.system,
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/** The process's name, or undefined when it is gone. */
function commOf(pid: string) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** utime + stime in clock ticks, or undefined when the process is gone. */
function ticksOf(pid: number) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return undefined;
  }
}

export interface CpuUse {
  /** Busy share of all cores, in % of one core (cores × 100 = saturated). */
  machineBusyPct: number;
  stealPct: number;
  /** Per process name, % of one core. */
  byName: Record<string, number>;
  driverPct: number;
  loadBefore: number[];
  loadAfter: number[];
}

export function cpuBetween(a: CpuSample, b: CpuSample): CpuUse {
  const seconds = (b.atMs - a.atMs) / 1000;
  const cores = cpus().length;
  const jiffies = b.machine.total - a.machine.total || 1;
  const pct = (v: number) => Number(v.toFixed(1));
  const byName: Record<string, number> = {};
  for (const [name, after] of Object.entries(b.processes)) {
    let ticks = 0;
    for (const [pid, t] of after) ticks += t - (a.processes[name]?.get(pid) ?? 0);
    byName[name] = pct(((ticks / ticksPerSecond) * 100) / seconds);
  }
  return {
    machineBusyPct: pct(((jiffies - (b.machine.idle - a.machine.idle)) / jiffies) * 100 * cores),
    stealPct: pct(((b.machine.steal - a.machine.steal) / jiffies) * 100 * cores),
    byName,
    driverPct: pct((b.driverUs - a.driverUs) / 10_000 / seconds),
    loadBefore: a.loadAverage,
    loadAfter: b.loadAverage,
  };
}
