/**
 * Multi-node: two Plenum nodes (one child process each) on one Postgres database, joined by the
 * machine's Redis (Socket.IO streams adapter), N/2 clients connected to each. Senders on node A
 * send `chat:send` at a fixed rate; measured is the time from the sender's emit until each client
 * on node B has the `chat:message` (same clock, this process). Baseline in the same run: a single
 * node without Redis with all N clients, measured at every client. The first 10 % of messages
 * are not counted. Redis: database 3 and a key prefix of the run's own database name, deleted
 * at the end, so that tests on the same Redis see nothing of it.
 *
 *   npm run bench -- multi-node [--clients 1000] [--messages 200] [--rate 10] [--senders 20]
 */
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import {
  connectMany,
  describeMachine,
  forkServer,
  hardLimit,
  machine,
  msCell,
  parseArgs,
  sleep,
  summarize,
  type ServerChild,
  type Summary,
} from './lib/harness.ts';
import { workSoFar, type Work } from './lib/work-counters.ts';

interface Ready {
  type: 'ready';
  port: number;
  cookies: string[];
  slug: string;
  roomId: string;
  databaseUrl: string;
}
type Options = ReturnType<typeof options>;
interface Measured extends Summary {
  /** Where the clients measured sit: the single node, or node B (the senders are on A). */
  at: 'single' | 'same node' | 'other node';
  expected: number;
  errors: number;
}
interface Run {
  setup: 'single node' | 'two nodes + Redis';
  connectSeconds: number;
  refused: number;
  measured: Measured[];
  /** CPU ms each node spent per message while sending (in the order of the nodes). */
  cpuMsPerMessage: number[];
}

const HARD_LIMIT_MS = 5 * 60_000;
const serverEntry = fileURLToPath(new URL('./multi-node.server.ts', import.meta.url));
const options = (args: string[]) =>
  parseArgs(args, { clients: 1000, messages: 200, rate: 10, senders: 20 });

export async function run(args: string[]): Promise<number> {
  const opts = options(args);
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('multi-node', HARD_LIMIT_MS, children);
  try {
    const single = await measureSingle(opts, children);
    const pair = await measurePair(opts, children);
    return report(opts, [single, pair]);
  } finally {
    cancel();
    for (const child of children) child.kill();
  }
}

async function measureSingle(opts: Options, children: Set<ChildProcess>): Promise<Run> {
  const node = await forkServer<Ready>(serverEntry, ['single', String(opts.clients)], children);
  const url = `http://127.0.0.1:${node.ready.port}`;
  const started = performance.now();
  const sockets = await connectMany(url, opts.clients, (i) => ({
    cookie: node.ready.cookies[i],
    slug: node.ready.slug,
  }));
  const connectSeconds = (performance.now() - started) / 1000;
  const result = await chat(opts, sockets, sockets, node.ready.roomId, [node]);
  for (const socket of sockets) socket.disconnect();
  await node.stop();
  return {
    setup: 'single node',
    connectSeconds,
    refused: result.refused,
    measured: [{ at: 'single', ...result.delivery[0]! }],
    cpuMsPerMessage: result.cpuMsPerMessage,
  };
}

async function measurePair(opts: Options, children: Set<ChildProcess>): Promise<Run> {
  const sessionSecret = crypto.randomUUID() + crypto.randomUUID();
  const env = { BENCH_SESSION_SECRET: sessionSecret };
  const a = await forkServer<Ready>(serverEntry, ['first', String(opts.clients)], children, {
    env,
  });
  const b = await forkServer<Ready>(serverEntry, ['second'], children, {
    env: { ...env, BENCH_DATABASE_URL: a.ready.databaseUrl },
  });
  const half = Math.floor(opts.clients / 2);
  const started = performance.now();
  const onA = await connectMany(`http://127.0.0.1:${a.ready.port}`, half, (i) => ({
    cookie: a.ready.cookies[i],
    slug: a.ready.slug,
  }));
  const onB = await connectMany(`http://127.0.0.1:${b.ready.port}`, opts.clients - half, (i) => ({
    cookie: a.ready.cookies[half + i],
    slug: a.ready.slug,
  }));
  const connectSeconds = (performance.now() - started) / 1000;
  const result = await chat(opts, onA, [...onA, ...onB], a.ready.roomId, [a, b], [half]);
  for (const socket of [...onA, ...onB]) socket.disconnect();
  await b.stop();
  await a.stop();
  return {
    setup: 'two nodes + Redis',
    connectSeconds,
    refused: result.refused,
    measured: [
      { at: 'other node', ...result.delivery[1]! },
      { at: 'same node', ...result.delivery[0]! },
    ],
    cpuMsPerMessage: result.cpuMsPerMessage,
  };
}

/**
 * Sends `messages` from rotating senders (the first `senders` spread over `senderPool`, so that
 * nobody hits the 5-per-5-s limit) and records each delivery. `groupsFrom` splits the receivers
 * (indexes into `receivers`) into the groups whose latencies are reported separately.
 */
async function chat(
  opts: Options,
  senderPool: Socket[],
  receivers: Socket[],
  roomId: string,
  nodes: ServerChild<Ready>[],
  groupsFrom: number[] = [],
) {
  const warmup = Math.min(20, Math.floor(opts.messages / 10));
  const sentAt = new Float64Array(opts.messages).fill(NaN);
  const latencies = new Float64Array(receivers.length * opts.messages).fill(NaN);
  receivers.forEach((socket, r) => {
    socket.on('chat:message', (message: { body: string }) => {
      const seq = Number(message.body.slice(6));
      if (!Number.isInteger(seq) || seq < 0 || seq >= opts.messages) return;
      latencies[r * opts.messages + seq] = performance.now() - sentAt[seq]!;
    });
  });
  let refused = 0;
  const spacing = Math.max(1, Math.floor(senderPool.length / opts.senders));
  const before: Work[] = await Promise.all(nodes.map(workSoFar));
  for (let seq = 0; seq < opts.messages; seq++) {
    const sender = senderPool[((seq % opts.senders) * spacing) % senderPool.length]!;
    sentAt[seq] = performance.now();
    sender.emit(
      'chat:send',
      { roomId, clientId: crypto.randomUUID(), body: `bench:${seq}` },
      (ack: { ok: boolean }) => {
        if (!ack.ok) refused++;
      },
    );
    await sleep(1000 / opts.rate);
  }
  const isDone = () => latencies.every((v, i) => i % opts.messages < warmup || !Number.isNaN(v));
  const deadline = performance.now() + 10_000;
  while (!isDone() && performance.now() < deadline) await sleep(50);
  const after: Work[] = await Promise.all(nodes.map(workSoFar));

  const bounds = [0, ...groupsFrom, receivers.length];
  const delivery = bounds.slice(0, -1).map((from, g) => {
    const counted: number[] = [];
    for (let r = from; r < bounds[g + 1]!; r++) {
      for (let seq = warmup; seq < opts.messages; seq++) {
        const value = latencies[r * opts.messages + seq]!;
        if (!Number.isNaN(value)) counted.push(value);
      }
    }
    const expected = (bounds[g + 1]! - from) * (opts.messages - warmup);
    return { ...summarize(counted), expected, errors: expected - counted.length };
  });
  const cpuMsPerMessage = nodes.map((_, n) =>
    Number(((after[n]!.cpuUs - before[n]!.cpuUs) / 1000 / opts.messages).toFixed(2)),
  );
  return { delivery, refused, cpuMsPerMessage };
}

function report(opts: Options, runs: Run[]) {
  console.log(
    `\nmulti-node: ${opts.clients} clients, ${opts.messages} messages at ${opts.rate}/s from ` +
      `${opts.senders} senders (on node A in the pair); ${describeMachine()} at the end`,
  );
  console.log(
    'setup               measured at  connect s   received  errors   p50 ms   p95 ms   p99 ms   max ms',
  );
  for (const r of runs) {
    for (const m of r.measured) {
      console.log(
        `${r.setup.padEnd(19)} ${m.at.padEnd(11)} ${r.connectSeconds.toFixed(1).padStart(10)} ${String(m.count).padStart(10)} ${String(m.errors).padStart(7)} ${msCell(m.p50)} ${msCell(m.p95)} ${msCell(m.p99)} ${msCell(m.max)}`,
      );
    }
    console.log(
      `  refused sends: ${r.refused}; server CPU ms per message: ${r.cpuMsPerMessage.join(' / ')}`,
    );
  }
  const single = runs[0]!.measured[0]!;
  const cross = runs[1]!.measured[0]!;
  const ratio = cross.p99 / single.p99;
  const errors = runs.reduce(
    (n, r) => n + r.refused + r.measured.reduce((m, x) => m + x.errors, 0),
    0,
  );
  const met = cross.p99 <= 60 && errors === 0;
  console.log(
    `cross-node p99 / single-node p99 = ${ratio.toFixed(2)} — target cross-node p99 ≤ 60 ms: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'multi-node',
      at: new Date().toISOString(),
      ...machine(),
      clients: opts.clients,
      messages: opts.messages,
      rate: opts.rate,
      senders: opts.senders,
      runs,
      p99Ratio: Number(ratio.toFixed(2)),
      targetMet: met,
    }),
  );
  return 0;
}
