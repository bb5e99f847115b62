/**
 * Notes fan-out: the members of one working group have its live notes open; a few of them type,
 * each sending one Yjs update (a few characters, as the client sends every 250 ms) at a time.
 * Measured: from the writer's emit until each other member holds that update. Against Plenum
 * (validation, rights, rate limit, append in Postgres under the document's lock, then the
 * broadcast) and, in the same run, against a bare Socket.IO relay of the same payload. Bounded.
 *
 *   npm run bench -- notes-fanout [--members 40] [--updates 300] [--rate 20] [--writers 8]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { connectLabelled, serverLoader } from './lib/harness.ts';
import * as Y from 'yjs';
import { NOTES_TEXT_NAME, type NotesDoc } from '@plenum/shared';

interface Options {
  members: number;
  updates: number;
  /** Updates per second, all writers together. */
  rate: number;
  writers: number;
  warmup: number;
}
interface Ready {
  type: 'ready';
  port: number;
  cookies: string[];
  slug: string;
  doc: NotesDoc;
}
interface Result {
  server: 'bare' | 'plenum';
  expected: number;
  delivered: number;
  refused: number;
  ackP50: number;
  ackP99: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const HARD_LIMIT_MS = 10 * 60_000;
const serverEntry = fileURLToPath(new URL('./notes-fanout.server.ts', import.meta.url));
const words = ['Radwege ', 'Buslinie ', 'Taktung ', 'Bänke ', 'Schatten ', 'Grün '];

function parse(args: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const value = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const updates = get('updates', 300);
  return {
    members: get('members', 40),
    updates,
    rate: get('rate', 20),
    writers: get('writers', 8),
    warmup: Math.min(20, Math.floor(updates / 10)),
  };
}

export async function run(args: string[]): Promise<number> {
  const opts = parse(args);
  if (opts.writers > opts.members) throw new Error('--writers must not exceed --members');
  // The server allows one person 30 updates in 5 s: stay below, as the client does.
  if (opts.rate / opts.writers > 5) throw new Error('--rate / --writers must be at most 5');
  const children = new Set<ChildProcess>();
  const watchdog = setTimeout(() => {
    console.error(`notes-fanout: gave up after ${HARD_LIMIT_MS / 60_000} minutes`);
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
    return results.every((r) => r.delivered === r.expected) ? 0 : 1;
  } finally {
    clearTimeout(watchdog);
    for (const child of children) child.kill();
  }
}

async function measure(server: 'bare' | 'plenum', opts: Options, children: Set<ChildProcess>) {
  const child = fork(serverEntry, [server, String(opts.members)], {
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
  const sockets = await Promise.all(
    Array.from({ length: opts.members }, (_, i) => connectLabelled(url, ready, i, 'member')),
  );
  for (const socket of sockets) {
    const ack = await socket.emitWithAck('notes:open', { doc: ready.doc, stateVector: '' });
    if (!ack.ok) throw new Error(`notes:open refused: ${JSON.stringify(ack.error)}`);
  }

  // Which update is which: receivers look the base64 text up.
  const seqOf = new Map<string, number>();
  const sentAt = new Float64Array(opts.updates).fill(NaN);
  const latencies = new Float64Array(opts.members * opts.updates).fill(NaN);
  let delivered = 0;
  sockets.forEach((socket, c) => {
    socket.on('notes:update', (message: { update: string }) => {
      const seq = seqOf.get(message.update);
      if (seq === undefined) return;
      latencies[c * opts.updates + seq] = performance.now() - sentAt[seq]!;
      delivered++;
    });
  });

  // Each writer types into its own replica, as a member's client does.
  const writers = Array.from({ length: opts.writers }, (_, w) => {
    const doc = new Y.Doc();
    return { doc, text: doc.getText(NOTES_TEXT_NAME), socket: sockets[w]!, index: w };
  });
  let refused = 0;
  const ackTimes: number[] = [];
  const pending: Promise<void>[] = [];
  for (let seq = 0; seq < opts.updates; seq++) {
    const writer = writers[seq % opts.writers]!;
    const before = Y.encodeStateVector(writer.doc);
    writer.text.insert(writer.text.length, words[seq % words.length]!);
    const update = Buffer.from(Y.encodeStateAsUpdate(writer.doc, before)).toString('base64');
    seqOf.set(update, seq);
    sentAt[seq] = performance.now();
    pending.push(
      writer.socket
        .emitWithAck('notes:update', { doc: ready.doc, update })
        .then((ack: { ok: boolean }) => {
          if (!ack.ok) refused++;
          else if (seq >= opts.warmup) ackTimes.push(performance.now() - sentAt[seq]!);
        }),
    );
    await sleep(1000 / opts.rate);
  }
  await Promise.all(pending);
  const expected = (opts.members - 1) * opts.updates;
  const deadline = performance.now() + 10_000;
  while (delivered < expected && performance.now() < deadline) await sleep(50);

  for (const socket of sockets) socket.disconnect();
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  children.delete(child);

  const counted: number[] = [];
  for (let c = 0; c < opts.members; c++) {
    for (let seq = opts.warmup; seq < opts.updates; seq++) {
      const value = latencies[c * opts.updates + seq]!;
      if (!Number.isNaN(value)) counted.push(value);
    }
  }
  counted.sort((a, b) => a - b);
  ackTimes.sort((a, b) => a - b);
  const pct = (list: number[], p: number) =>
    list[Math.min(list.length - 1, Math.floor(p * list.length))] ?? NaN;
  return {
    server,
    expected: (opts.members - 1) * (opts.updates - opts.warmup),
    delivered: counted.length,
    refused,
    ackP50: pct(ackTimes, 0.5),
    ackP99: pct(ackTimes, 0.99),
    p50: pct(counted, 0.5),
    p95: pct(counted, 0.95),
    p99: pct(counted, 0.99),
    max: counted.at(-1) ?? NaN,
  } satisfies Result;
}

function report(opts: Options, results: Result[]) {
  const ms = (v: number) => v.toFixed(1).padStart(7);
  const load = loadavg().map((v) => Number(v.toFixed(2)));
  console.log(
    `\nnotes-fanout: ${opts.members} members with one group's notes open, ${opts.updates} updates ` +
      `at ${opts.rate}/s from ${opts.writers} writers (first ${opts.warmup} not counted); ` +
      `${cpus().length} cores, Node ${process.version}, load average ${load.join(' / ')} at the end`,
  );
  console.log(
    'server   delivered/expected  refused  ack p50  ack p99   p50 ms   p95 ms   p99 ms   max ms',
  );
  for (const r of results) {
    console.log(
      `${r.server.padEnd(8)} ${`${r.delivered}/${r.expected}`.padStart(18)}  ${String(r.refused).padStart(7)}  ${ms(r.ackP50)}  ${ms(r.ackP99)}  ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.p99)}  ${ms(r.max)}`,
    );
  }
  const [bare, plenum] = results as [Result, Result];
  console.log(`plenum p99 / bare p99 = ${(plenum.p99 / bare.p99).toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'notes-fanout',
      at: new Date().toISOString(),
      cores: cpus().length,
      node: process.version,
      loadAverage: load,
      ...opts,
      results,
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
