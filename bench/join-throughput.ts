/**
 * Join throughput on one node and on two: M attendees join (C at a time), each as a browser
 * would (bench/lib/join-client.ts: redeem the invitation link, connect the socket with the
 * cookie, ask for the plenary's LiveKit token; the steps of join-storm), (a) all against one
 * Plenum node, (b) alternately against two nodes, as a round-robin balancer spreads them. The
 * nodes of a setup share one throwaway Postgres database and this machine's Redis (database 3,
 * the run's own key prefix); each setup gets a fresh database, cold nodes and a few warm-up joins
 * per node that are not counted. Setups alternate round by round (one, two; two, one; ...), so
 * that a burst of other work on the machine does not favour one of them. Per setup: joins/s,
 * latency percentiles, each node's CPU per join it served, and who else used the cores
 * (Postgres, Redis, LiveKit, these measuring clients, the machine) — bench/lib/cpu-meter.ts.
 * Target (issue 17 §4): two nodes ≥ 1.7 × one node's joins/s.
 *
 *   npm run bench -- join-throughput [--attendees 1000] [--concurrency 50] [--rounds 2] [--warmup 20]
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import {
  describeMachine,
  forkServer,
  hardLimit,
  livekitEnv,
  machine,
  msCell,
  parseArgs,
  sleep,
  startLivekit,
  summarize,
  type BenchLivekit,
  type ServerChild,
  type Summary,
} from './lib/harness.ts';
import { joinAsBrowser, type JoinTarget, type JoinTimes } from './lib/join-client.ts';
import { cpuBetween, sampleCpu, type CpuUse } from './lib/cpu-meter.ts';
import { workSoFar, type Work } from './lib/work-counters.ts';

interface Ready {
  type: 'ready';
  port: number;
  slug: string;
  plenaryId: string;
  link: string;
  databaseUrl: string;
}
interface NodeWork {
  joins: number;
  cpuMsPerJoin: number;
  /** The node's CPU over the measured window, % of one core. */
  cpuPct: number;
  sqlPerJoin: number;
}
interface Phase extends Summary {
  round: number;
  nodes: 1 | 2;
  errors: number;
  firstErrors: string[];
  wallSeconds: number;
  joinsPerSecond: number;
  redeem: Summary;
  socket: Summary;
  token: Summary;
  perNode: NodeWork[];
  cpu: CpuUse;
  /** CPU ms per join of each part (nodes together; the others from cpu, their share of it). */
  cpuMsPerJoin: Record<'nodes' | 'postgres' | 'redis' | 'livekit' | 'clients' | 'machine', number>;
}
type Options = ReturnType<typeof options>;

const serverEntry = fileURLToPath(new URL('./join-throughput.server.ts', import.meta.url));
const SHARED = ['postgres', 'redis-server'] as const;
const TARGET_RATIO = 1.7;

const options = (args: string[]) =>
  parseArgs(args, { attendees: 1000, concurrency: 50, rounds: 2, warmup: 20 });

export async function run(args: string[]): Promise<number> {
  const opts = options(args);
  const children = new Set<ChildProcess>();
  // The heavy lock is held for at most ~12 minutes; a round of both setups takes 1–3.
  const cancel = hardLimit('join-throughput', Math.min(11, 2 + 3 * opts.rounds) * 60_000, children);
  const livekit = await startLivekit();
  try {
    const phases: Phase[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      const order = round % 2 === 1 ? ([1, 2] as const) : ([2, 1] as const);
      for (const nodes of order) phases.push(await measure(round, nodes, opts, children, livekit));
    }
    report(opts, phases);
    return 0;
  } finally {
    cancel();
    for (const child of children) child.kill();
    await livekit.stop();
  }
}

async function startNodes(
  count: 1 | 2,
  uses: number,
  children: Set<ChildProcess>,
  livekit: BenchLivekit,
): Promise<ServerChild<Ready>[]> {
  const env = {
    ...livekitEnv(livekit),
    BENCH_SESSION_SECRET: crypto.randomUUID() + crypto.randomUUID(),
  };
  const first = await forkServer<Ready>(serverEntry, ['first', String(uses)], children, { env });
  if (count === 1) return [first];
  const second = await forkServer<Ready>(serverEntry, ['second'], children, {
    env: { ...env, BENCH_DATABASE_URL: first.ready.databaseUrl },
  });
  return [first, second];
}

async function measure(
  round: number,
  count: 1 | 2,
  opts: Options,
  children: Set<ChildProcess>,
  livekit: BenchLivekit,
): Promise<Phase> {
  const nodes = await startNodes(count, opts.attendees + opts.warmup * count, children, livekit);
  const { slug, plenaryId, link } = nodes[0]!.ready;
  const targets: JoinTarget[] = nodes.map((n) => ({
    url: `http://127.0.0.1:${n.ready.port}`,
    link,
    slug,
    plenaryId,
  }));

  // Warm-up, not counted: each node's first joins compile its code paths and fill its pool.
  const warm: Socket[] = [];
  for (const target of targets) {
    for (let i = 0; i < opts.warmup; i += 5) {
      const batch = Array.from({ length: Math.min(5, opts.warmup - i) }, (_, k) =>
        joinAsBrowser(target, `Vorab ${i + k + 1}`),
      );
      for (const { socket } of await Promise.all(batch)) warm.push(socket);
    }
  }
  for (const socket of warm) socket.disconnect();
  await sleep(1000);

  const times: JoinTimes[] = [];
  const servedBy = nodes.map(() => 0);
  const errors: string[] = [];
  const sockets: Socket[] = [];
  let next = 0;
  const workBefore: Work[] = await Promise.all(nodes.map(workSoFar));
  const cpuBefore = sampleCpu(SHARED, { livekit: livekit.pid() });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.attendees) {
        const i = next++;
        const n = i % count;
        try {
          const joined = await joinAsBrowser(targets[n]!, `Gast ${i + 1}`);
          sockets.push(joined.socket);
          times.push(joined.times);
          servedBy[n]!++;
        } catch (err) {
          errors.push(`join ${i + 1} (node ${n + 1}): ${(err as Error).message}`);
        }
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(SHARED, { livekit: livekit.pid() }));
  const workAfter: Work[] = await Promise.all(nodes.map(workSoFar));

  for (const socket of sockets) socket.disconnect();
  for (const node of [...nodes].reverse()) await node.stop();
  const perNode = nodes.map((_, n): NodeWork => {
    const cpuMs = (workAfter[n]!.cpuUs - workBefore[n]!.cpuUs) / 1000;
    const sql = workAfter[n]!.statements - workBefore[n]!.statements;
    const joins = servedBy[n]!;
    return {
      joins,
      cpuMsPerJoin: Number((cpuMs / Math.max(1, joins)).toFixed(2)),
      cpuPct: Number((cpuMs / 10 / wallSeconds).toFixed(1)),
      sqlPerJoin: Number((sql / Math.max(1, joins)).toFixed(1)),
    };
  });
  const perJoin = (pct: number) =>
    Number((((pct / 100) * wallSeconds * 1000) / Math.max(1, times.length)).toFixed(2));
  const nodesPct = perNode.reduce((sum, w) => sum + w.cpuPct, 0);
  return {
    round,
    nodes: count,
    ...summarize(times.map((t) => t.total)),
    errors: errors.length,
    firstErrors: errors.slice(0, 3),
    wallSeconds: Number(wallSeconds.toFixed(2)),
    joinsPerSecond: Number((times.length / wallSeconds).toFixed(1)),
    redeem: summarize(times.map((t) => t.redeem)),
    socket: summarize(times.map((t) => t.socket)),
    token: summarize(times.map((t) => t.token)),
    perNode,
    cpu,
    cpuMsPerJoin: {
      nodes: perJoin(nodesPct),
      postgres: perJoin(cpu.byName.postgres ?? 0),
      redis: perJoin(cpu.byName['redis-server'] ?? 0),
      livekit: perJoin(cpu.byName.livekit ?? 0),
      clients: perJoin(cpu.driverPct),
      machine: perJoin(cpu.machineBusyPct),
    },
  };
}

/** Joins per second of all phases of a setup together (all joins over all their seconds). */
function pooledRate(phases: Phase[]) {
  const joins = phases.reduce((n, p) => n + p.count, 0);
  const seconds = phases.reduce((n, p) => n + p.wallSeconds, 0);
  return joins / seconds;
}

function report(opts: Options, phases: Phase[]) {
  console.log(
    `\njoin-throughput: ${opts.attendees} joins per setup, ${opts.concurrency} in flight, ` +
      `${opts.warmup} warm-up joins per node; ${describeMachine()} at the end`,
  );
  console.log(
    'round nodes  joins errors joins/s   p50 ms   p95 ms   p99 ms   max ms │ p99: redeem   socket    token',
  );
  for (const p of phases) {
    console.log(
      `${String(p.round).padStart(5)} ${String(p.nodes).padStart(5)} ${String(p.count).padStart(6)} ${String(p.errors).padStart(6)} ${p.joinsPerSecond.toFixed(1).padStart(7)} ${msCell(p.p50)} ${msCell(p.p95)} ${msCell(p.p99)} ${msCell(p.max)} │     ${msCell(p.redeem.p99)} ${msCell(p.socket.p99)} ${msCell(p.token.p99)}`,
    );
    const nodes = p.perNode
      .map(
        (w, n) =>
          `node ${n + 1}: ${w.joins} joins, ${w.cpuMsPerJoin} ms CPU and ${w.sqlPerJoin} SQL per join, ${w.cpuPct} %`,
      )
      .join('; ');
    console.log(`        ${nodes}`);
    const c = p.cpu;
    console.log(
      `        cores (% of one): machine busy ${c.machineBusyPct} (steal ${c.stealPct}), postgres ${c.byName.postgres}, ` +
        `redis ${c.byName['redis-server']}, livekit ${c.byName.livekit}, clients ${c.driverPct}; ` +
        `load ${c.loadBefore[0]} → ${c.loadAfter[0]}`,
    );
    const j = p.cpuMsPerJoin;
    console.log(
      `        CPU ms per join: nodes ${j.nodes}, postgres ${j.postgres}, redis ${j.redis}, ` +
        `clients ${j.clients}; the machine ${j.machine} (others' work included)`,
    );
    // What the CPU allows: each node has one thread; everything measured shares the cores.
    const nodeCeiling = (p.nodes * 1000) / j.nodes;
    const all = j.nodes + j.postgres + j.redis + j.clients + j.livekit;
    const machineCeiling = (cpus().length * 1000) / all;
    console.log(
      `        CPU ceilings: the node threads ${nodeCeiling.toFixed(0)} joins/s, ` +
        `the cores for all of the above ${machineCeiling.toFixed(0)} joins/s (${all.toFixed(2)} ms per join)`,
    );
    for (const e of p.firstErrors) console.log(`        ${e}`);
  }
  const rounds = Array.from({ length: opts.rounds }, (_, r) => {
    const one = phases.find((p) => p.round === r + 1 && p.nodes === 1)!;
    const two = phases.find((p) => p.round === r + 1 && p.nodes === 2)!;
    return Number((two.joinsPerSecond / one.joinsPerSecond).toFixed(2));
  });
  const ratio =
    pooledRate(phases.filter((p) => p.nodes === 2)) /
    pooledRate(phases.filter((p) => p.nodes === 1));
  const errors = phases.reduce((n, p) => n + p.errors, 0);
  const met = ratio >= TARGET_RATIO && errors === 0;
  console.log(
    `two nodes / one node, joins/s: ${ratio.toFixed(2)} pooled (per round ${rounds.join(', ')}) — ` +
      `target ≥ ${TARGET_RATIO} and 0 errors: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'join-throughput',
      at: new Date().toISOString(),
      ...machine(),
      attendees: opts.attendees,
      concurrency: opts.concurrency,
      warmup: opts.warmup,
      phases,
      ratioPerRound: rounds,
      ratio: Number(ratio.toFixed(2)),
      targetMet: met,
    }),
  );
}
