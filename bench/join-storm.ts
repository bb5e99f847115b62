/**
 * Join storm: M attendees arrive at once (C at a time), each as a browser would: redeem the
 * invitation link (`POST /api/invitations/:token/redeem`, which sets the session cookie), connect
 * the socket with that cookie, and ask for the plenary's LiveKit token. Measured per complete
 * join and per step, against Plenum (real Postgres, real LiveKit) and, in the same run, a bare
 * Fastify + Socket.IO server that does no database work. Sockets stay connected to the end.
 *
 *   npm run bench -- join-storm [--attendees 1000] [--concurrency 50] [--links-each] [--cpu-prof]
 *     [--trace]   where the server's socket step, pool and event loop waited (lib/join-trace.ts)
 *     [--node24]  both servers on Node 24 (the image's; scripts/ensure-node24.ts), the driver on this Node
 */
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync, type ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import {
  connectClient,
  describeMachine,
  forkServer,
  hardLimit,
  httpPost,
  livekitEnv,
  machine,
  msCell,
  parseArgs,
  profileDir,
  startLivekit,
  summarize,
  type Summary,
} from './lib/harness.ts';
import { workPer, workSoFar } from './lib/work-counters.ts';
import { ensureNode24 } from '../scripts/ensure-node24.ts';

interface Ready {
  type: 'ready';
  port: number;
  slug: string;
  plenaryId: string;
  tokens: string[];
}
interface Result extends Summary {
  server: 'bare' | 'plenum';
  errors: number;
  firstErrors: string[];
  wallSeconds: number;
  joinsPerSecond: number;
  redeem: Summary;
  socket: Summary;
  token: Summary;
  /** SQL statements per join (BEGIN/COMMIT included), counted in the server child. */
  sqlPerJoin: number;
  /** The server child's CPU time (user + system) per join. */
  cpuMsPerJoin: number;
  profileFile?: string;
  /** The driver's event-loop delay while joining (the measuring clients' own lag). */
  driverLoopDelayMs: { p50: number; p99: number; max: number };
  /** CPU of the measuring process per join, and of the whole machine (all processes, /proc/stat). */
  driverCpuMsPerJoin: number;
  machineMsPerJoin: number;
  /** CPU per join of the busiest process names on the machine (postgres: all its backends). */
  processesMsPerJoin: Record<string, number>;
  trace?: object;
}
type Options = ReturnType<typeof options>;

const HARD_LIMIT_MS = 5 * 60_000;
const serverEntry = fileURLToPath(new URL('./join-storm.server.ts', import.meta.url));

const options = (args: string[]) =>
  parseArgs(args, { attendees: 1000, concurrency: 50 }, [
    'links-each',
    'cpu-prof',
    'trace',
    'node24',
  ]);

export async function run(args: string[]): Promise<number> {
  const opts = options(args);
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('join-storm', HARD_LIMIT_MS, children);
  const serverNode = opts.flags.has('node24') ? ensureNode24() : process.execPath;
  const livekit = await startLivekit();
  try {
    const results: Result[] = [];
    for (const server of ['bare', 'plenum'] as const) {
      results.push(await measure(server, opts, children, livekitEnv(livekit), serverNode));
    }
    report(opts, results, execFileSync(serverNode, ['--version'], { encoding: 'utf8' }).trim());
    return 0;
  } finally {
    cancel();
    for (const child of children) child.kill();
    await livekit.stop();
  }
}

async function measure(
  server: 'bare' | 'plenum',
  opts: Options,
  children: Set<ChildProcess>,
  env: Record<string, string>,
  node: string,
): Promise<Result> {
  const profile = server === 'plenum' && opts.flags.has('cpu-prof');
  const trace = server === 'plenum' && opts.flags.has('trace');
  const srv = await forkServer<Ready>(
    serverEntry,
    [server, String(opts.attendees), opts.flags.has('links-each') ? 'each' : 'shared'],
    children,
    {
      env: { ...env, ...(trace && { BENCH_TRACE: '1' }) },
      node,
      ...(profile && { cpuProfDir: profileDir() }),
    },
  );
  const { ready } = srv;
  const url = `http://127.0.0.1:${ready.port}`;

  const steps = {
    total: [] as number[],
    redeem: [] as number[],
    socket: [] as number[],
    token: [] as number[],
  };
  const errors: string[] = [];
  const sockets: Socket[] = [];
  let next = 0;
  let started = 0;
  const join = async (i: number) => {
    const link = ready.tokens[ready.tokens.length === 1 ? 0 : i]!;
    const t0 = performance.now();
    const redeemed = await httpPost(`${url}/api/invitations/${link}/redeem`, {
      body: { displayName: `Gast ${i + 1}` },
    });
    const session = redeemed.setCookie.find((c) => c.startsWith('plenum_session='));
    if (redeemed.status !== 200 || !session)
      throw new Error(`redeem: HTTP ${redeemed.status} ${redeemed.body}`);
    const cookie = session.split(';')[0]!;
    const t1 = performance.now();
    sockets.push(
      await connectClient(url, {
        cookie,
        slug: ready.slug,
        timeoutMs: 30_000,
        // The trace measures the wait from here until Node accepted the connection.
        ...(trace && { query: { sent: String(Date.now()) } }),
      }),
    );
    const t2 = performance.now();
    const token = await httpPost(`${url}/api/rooms/${ready.plenaryId}/token`, { cookie });
    if (token.status !== 200 || !(JSON.parse(token.body) as { token?: string }).token) {
      throw new Error(`token: HTTP ${token.status} ${token.body}`);
    }
    const t3 = performance.now();
    steps.total.push(t3 - t0);
    steps.redeem.push(t1 - t0);
    steps.socket.push(t2 - t1);
    steps.token.push(t3 - t2);
    byStart.push([t0 - started, t3 - t0]);
  };
  const byStart: [number, number][] = [];
  const from = profile ? await srv.mark() : 0;
  const workBefore = await workSoFar(srv);
  if (trace) await srv.ask({ type: 'trace-start' }, 'trace-start');
  const driverCpu = process.cpuUsage();
  const machineCpu = machineCpuMs();
  const byProcess = cpuByProcess();
  const driverLoop = monitorEventLoopDelay({ resolution: 10 });
  driverLoop.enable();
  started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.attendees) {
        const i = next++;
        await join(i).catch((err: Error) => errors.push(`join ${i + 1}: ${err.message}`));
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  driverLoop.disable();
  const driverCpuMs = process.cpuUsage(driverCpu);
  const processesMsPerJoin = perJoinByProcess(byProcess, cpuByProcess(), opts.attendees);
  const machineMsPerJoin = Number(((machineCpuMs() - machineCpu) / opts.attendees).toFixed(2));
  const driverCpuMsPerJoin = Number(
    ((driverCpuMs.user + driverCpuMs.system) / 1000 / opts.attendees).toFixed(2),
  );
  const tenths = Array.from({ length: 10 }, (_, k) =>
    summarize(
      byStart
        .filter(
          ([at]) => at >= (k * wallSeconds * 1000) / 10 && at < ((k + 1) * wallSeconds * 1000) / 10,
        )
        .map(([, ms]) => ms),
    ),
  ).map((x) => `${x.count}:${x.p50}/${x.p99}`);
  console.log(`  ${server} by tenth of the run (joins started: p50/p99 ms): ${tenths.join('  ')}`);
  const traced = trace ? await srv.ask<object>({ type: 'trace' }, 'trace') : undefined;
  const driverLoopDelayMs = {
    p50: Number((driverLoop.percentile(50) / 1e6).toFixed(1)),
    p99: Number((driverLoop.percentile(99) / 1e6).toFixed(1)),
    max: Number((driverLoop.max / 1e6).toFixed(1)),
  };
  const windows: [number, number][] = profile ? [[from, await srv.mark()]] : [];
  const work = workPer(workBefore, await workSoFar(srv), opts.attendees);

  for (const socket of sockets) socket.disconnect();
  const profileFile = await srv.stop(windows);
  return {
    server,
    ...summarize(steps.total),
    errors: errors.length,
    firstErrors: errors.slice(0, 3),
    wallSeconds: Number(wallSeconds.toFixed(2)),
    joinsPerSecond: Number((steps.total.length / wallSeconds).toFixed(1)),
    redeem: summarize(steps.redeem),
    socket: summarize(steps.socket),
    token: summarize(steps.token),
    sqlPerJoin: work.sqlPer,
    cpuMsPerJoin: work.cpuMsPer,
    driverLoopDelayMs,
    driverCpuMsPerJoin,
    machineMsPerJoin,
    processesMsPerJoin,
    ...(traced && { trace: traced }),
    ...(profileFile && { profileFile }),
  };
}

/** CPU time the whole machine spent so far (user, nice, system, irq, softirq), from /proc/stat. */
function machineCpuMs() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const f = cpu!.trim().split(/\s+/).slice(1).map(Number);
  const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]!;
  return (busy * 1000) / 100; // USER_HZ = 100
}

/** CPU ticks per process name (a process's children that ended are not counted). */
function cpuByProcess() {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      ticks.set(`${name}#${pid}`, Number(f[11]) + Number(f[12]));
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

function perJoinByProcess(before: Map<string, number>, after: Map<string, number>, joins: number) {
  const byName = new Map<string, number>();
  for (const [key, t] of after) {
    const name = key.slice(0, key.lastIndexOf('#'));
    byName.set(name, (byName.get(name) ?? 0) + t - (before.get(key) ?? 0));
  }
  return Object.fromEntries(
    [...byName]
      .filter(([, t]) => t > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, t]) => [name, Number(((t * 10) / joins).toFixed(2))]),
  );
}

function report(opts: Options, results: Result[], serverNode: string) {
  const links = opts.flags.has('links-each') ? 'one link each' : 'one shared link';
  console.log(
    `\njoin-storm: ${opts.attendees} attendees, ${opts.concurrency} at a time, ${links}; ` +
      `servers on Node ${serverNode}; ${describeMachine()} at the end`,
  );
  console.log(
    'server    joins  errors  joins/s   p50 ms   p95 ms   p99 ms   max ms │ p99: redeem   socket    token',
  );
  for (const r of results) {
    console.log(
      `${r.server.padEnd(8)} ${String(r.count).padStart(6)}  ${String(r.errors).padStart(6)}  ${r.joinsPerSecond.toFixed(0).padStart(7)} ${msCell(r.p50)} ${msCell(r.p95)} ${msCell(r.p99)} ${msCell(r.max)} │     ${msCell(r.redeem.p99)} ${msCell(r.socket.p99)} ${msCell(r.token.p99)}`,
    );
    console.log(`  per join: ${r.cpuMsPerJoin} ms server CPU, ${r.sqlPerJoin} SQL statements`);
    console.log(
      `  driver: ${r.driverCpuMsPerJoin} ms CPU per join, event-loop delay ms ${JSON.stringify(r.driverLoopDelayMs)}; machine: ${r.machineMsPerJoin} ms CPU per join`,
    );
    console.log(`  by process (ms CPU per join): ${JSON.stringify(r.processesMsPerJoin)}`);
    if (r.trace) console.log(`  trace: ${JSON.stringify(r.trace)}`);
    for (const e of r.firstErrors) console.log(`  ${e}`);
  }
  const [bare, plenum] = results as [Result, Result];
  const ratio = plenum.p99 / bare.p99;
  const met = plenum.p99 <= 250 && plenum.errors === 0;
  console.log(
    `plenum p99 / bare p99 = ${ratio.toFixed(1)} — target p99 ≤ 250 ms and 0 errors: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'join-storm',
      at: new Date().toISOString(),
      ...machine(),
      attendees: opts.attendees,
      concurrency: opts.concurrency,
      links: opts.flags.has('links-each') ? 'each' : 'shared',
      serverNode,
      results,
      p99Ratio: Number(ratio.toFixed(2)),
      targetMet: met,
    }),
  );
}
