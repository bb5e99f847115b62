/**
 * Chat fan-out: N socket.io clients in one room, one message at a time from rotating senders;
 * how long from the sender's emit until each client has the message. Measured against Plenum
 * (validation, authorization, rate limit, Postgres write, then broadcast) and, in the same run,
 * against a bare Socket.IO server broadcasting the same payload. Bounded: it stops by itself.
 *
 *   npm run bench -- chat-fanout [--clients 1000] [--messages 200] [--rate 10] [--senders 20]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import type { Socket } from 'socket.io-client';
import { connectLabelled, serverLoader } from './lib/harness.ts';

interface Options {
  clients: number;
  messages: number;
  rate: number;
  senders: number;
  warmup: number;
}
interface Ready {
  type: 'ready';
  port: number;
  cookies: string[];
  roomId: string;
  slug: string;
}
interface Result {
  server: 'bare' | 'plenum';
  connectSeconds: number;
  expected: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  refused: number;
}

const HARD_LIMIT_MS = 10 * 60_000;
const serverEntry = fileURLToPath(new URL('./chat-fanout.server.ts', import.meta.url));

function parse(args: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const value = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const messages = get('messages', 200);
  return {
    clients: get('clients', 1000),
    messages,
    rate: get('rate', 10),
    senders: get('senders', 20),
    warmup: Math.min(20, Math.floor(messages / 10)),
  };
}

export async function run(args: string[]): Promise<number> {
  const opts = parse(args);
  const children = new Set<ChildProcess>();
  const watchdog = setTimeout(() => {
    console.error(`chat-fanout: gave up after ${HARD_LIMIT_MS / 60_000} minutes`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(2);
  }, HARD_LIMIT_MS);
  watchdog.unref();
  try {
    const results: Result[] = [];
    for (const server of ['bare', 'plenum'] as const) {
      results.push(await measure(server, opts, children));
    }
    report(opts, results);
    return 0;
  } finally {
    clearTimeout(watchdog);
    for (const child of children) child.kill();
  }
}

async function measure(server: 'bare' | 'plenum', opts: Options, children: Set<ChildProcess>) {
  const child = fork(serverEntry, [server, String(opts.clients)], {
    execArgv: serverLoader(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (msg: Ready | { type: 'error'; message: string }) =>
      msg.type === 'ready' ? resolve(msg) : reject(new Error(msg.message)),
    );
    child.once('exit', (code) => reject(new Error(`${server} server exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${ready.port}`;

  const latencies = new Float64Array(opts.clients * opts.messages).fill(NaN);
  const sentAt = new Float64Array(opts.messages).fill(NaN);
  let delivered = 0;
  const started = performance.now();
  const sockets: Socket[] = [];
  for (let offset = 0; offset < opts.clients; offset += 50) {
    const batch = [];
    for (let i = offset; i < Math.min(offset + 50, opts.clients); i++) {
      batch.push(connectLabelled(url, ready, i, 'client'));
    }
    sockets.push(...(await Promise.all(batch)));
  }
  const connectSeconds = (performance.now() - started) / 1000;
  sockets.forEach((socket, clientIndex) => {
    socket.on('chat:message', (message: { body: string }) => {
      const seq = Number(message.body.slice(6));
      if (!Number.isInteger(seq) || seq < 0 || seq >= opts.messages) return;
      latencies[clientIndex * opts.messages + seq] = performance.now() - sentAt[seq]!;
      delivered++;
    });
  });

  let refused = 0;
  for (let seq = 0; seq < opts.messages; seq++) {
    const sender = sockets[(seq % opts.senders) * Math.floor(opts.clients / opts.senders)]!;
    sentAt[seq] = performance.now();
    sender.emit(
      'chat:send',
      { roomId: ready.roomId, clientId: crypto.randomUUID(), body: `bench:${seq}` },
      (ack: { ok: boolean }) => {
        if (!ack.ok) refused++;
      },
    );
    await sleep(1000 / opts.rate);
  }
  // Stragglers: wait until everything arrived, or at most 10 s.
  const expected = opts.clients * opts.messages;
  const deadline = performance.now() + 10_000;
  while (delivered < expected && performance.now() < deadline) await sleep(50);

  for (const socket of sockets) socket.disconnect();
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  children.delete(child);

  const counted: number[] = [];
  for (let c = 0; c < opts.clients; c++) {
    for (let seq = opts.warmup; seq < opts.messages; seq++) {
      const value = latencies[c * opts.messages + seq]!;
      if (!Number.isNaN(value)) counted.push(value);
    }
  }
  counted.sort((a, b) => a - b);
  const pct = (p: number) =>
    counted[Math.min(counted.length - 1, Math.floor(p * counted.length))] ?? NaN;
  return {
    server,
    connectSeconds,
    expected: opts.clients * (opts.messages - opts.warmup),
    delivered: counted.length,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    max: counted.at(-1) ?? NaN,
    refused,
  } satisfies Result;
}

function report(opts: Options, results: Result[]) {
  const ms = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `\nchat-fanout: ${opts.clients} clients in one room, ${opts.messages} messages at ${opts.rate}/s ` +
      `from ${opts.senders} senders (first ${opts.warmup} not counted); ${cpus().length} cores, ` +
      `Node ${process.version}, load average ${loadAvg()} at the end`,
  );
  console.log(
    'server   connect s  delivered/expected  refused   p50 ms   p95 ms   p99 ms   max ms',
  );
  for (const r of results) {
    console.log(
      `${r.server.padEnd(8)} ${r.connectSeconds.toFixed(1).padStart(9)}  ${`${r.delivered}/${r.expected}`.padStart(18)}  ${String(r.refused).padStart(7)}  ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.p99)}  ${ms(r.max)}`,
    );
  }
  const [bare, plenum] = results as [Result, Result];
  const ratio = plenum.p99 / bare.p99;
  const pass = plenum.p99 <= 50 && ratio <= 1.2;
  console.log(
    `plenum p99 / bare p99 = ${ratio.toFixed(2)} — target p99 ≤ 50 ms and ≤ 1.2× bare: ${pass ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'chat-fanout',
      at: new Date().toISOString(),
      cores: cpus().length,
      node: process.version,
      loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
      ...opts,
      results,
      p99Ratio: Number(ratio.toFixed(3)),
      targetMet: pass,
    }),
  );
}

const loadAvg = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
