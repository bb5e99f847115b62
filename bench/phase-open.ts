/**
 * Phase open: N connected attendees in one event, G working groups, and the organizer's
 * `POST /api/phases/:id/open`. Measured per client: from sending the request until the client
 * holds its `room:assigned` (group and LiveKit token). Against Plenum (real Postgres, real
 * LiveKit) and, in the same run, a bare Socket.IO server that signs and sends the same-sized
 * message to each person. Each round opens a fresh draft phase and closes it again.
 *
 *   npm run bench -- phase-open [--clients 1000] [--groups 3] [--rounds 3] [--cpu-prof]
 */
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import {
  connectMany,
  describeMachine,
  forkServer,
  hardLimit,
  httpPost,
  livekitEnv,
  machine,
  parseArgs,
  profileDir,
  sleep,
  startLivekit,
  summarize,
  type Summary,
} from './lib/harness.ts';
import { workSoFar } from './lib/work-counters.ts';

interface Ready {
  type: 'ready';
  port: number;
  slug: string;
  cookies: string[];
  organizerCookie: string;
  phaseIds: string[];
}
interface Assigned {
  phaseId: string | null;
  reason: string;
  media?: { token?: string; room?: { id?: string } };
}
interface Result extends Summary {
  server: 'bare' | 'plenum';
  connectSeconds: number;
  errors: number;
  http: Summary;
  roundP99: number[];
  messageBytes: number;
  disconnects: Record<string, number>;
  /** KB each client received during the rounds (open and close), by event. */
  kbPerClient: Record<string, number>;
  close?: Summary & { errors: number };
  /** Per open, counted in the server child: SQL statements and CPU ms (user + system). */
  sqlPerOpen: number;
  cpuMsPerOpen: number;
  profileFile?: string;
}

const HARD_LIMIT_MS = 5 * 60_000;
const WAIT_MS = 30_000;
const serverEntry = fileURLToPath(new URL('./phase-open.server.ts', import.meta.url));

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args, { clients: 1000, groups: 3, rounds: 3 }, ['cpu-prof']);
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('phase-open', HARD_LIMIT_MS, children);
  const livekit = await startLivekit();
  try {
    const results: Result[] = [];
    for (const server of ['bare', 'plenum'] as const) {
      results.push(await measure(server, opts, children, livekitEnv(livekit)));
    }
    return report(opts, results);
  } finally {
    cancel();
    for (const child of children) child.kill();
    await livekit.stop();
  }
}

async function measure(
  server: 'bare' | 'plenum',
  opts: { clients: number; groups: number; rounds: number; flags: Set<string> },
  children: Set<ChildProcess>,
  env: Record<string, string>,
): Promise<Result> {
  const profile = server === 'plenum' && opts.flags.has('cpu-prof');
  const srv = await forkServer<Ready>(
    serverEntry,
    [server, String(opts.clients), String(opts.groups), String(opts.rounds)],
    children,
    { env, ...(profile && { cpuProfDir: profileDir() }) },
  );
  const { ready } = srv;
  const url = `http://127.0.0.1:${ready.port}`;
  const started = performance.now();
  const sockets = await connectMany(url, opts.clients, (i) => ({
    cookie: ready.cookies[i],
    slug: ready.slug,
  }));
  const connectSeconds = (performance.now() - started) / 1000;
  // Let the connect storm's tail (presence batches, the clients decoding them) pass: the first
  // open should measure the open, not the last second of 1000 connections.
  await sleep(2000);
  // A client the server dropped gets nothing more: say why, so that errors are explained.
  const disconnects: Record<string, number> = {};
  // What each client has to read during the rounds, by event: the raw Socket.IO packets' length.
  const traffic: Record<string, number> = {};
  for (const socket of sockets) {
    socket.io.engine.on('data', (data) => {
      if (typeof data !== 'string') return;
      const event = /^\d+\["([^"]+)"/.exec(data.slice(0, 60))?.[1] ?? 'other';
      traffic[event] = (traffic[event] ?? 0) + data.length;
    });
  }
  for (const socket of sockets) {
    socket.on('disconnect', (reason) => (disconnects[reason] = (disconnects[reason] ?? 0) + 1));
  }

  const open = {
    latencies: [] as number[],
    http: [] as number[],
    errors: 0,
    roundP99: [] as number[],
  };
  const close = { latencies: [] as number[], errors: 0 };
  let messageBytes = 0;
  const windows: [number, number][] = [];
  const work = { statements: 0, cpuUs: 0 };
  for (const phaseId of ready.phaseIds) {
    const from = profile ? await srv.mark() : 0;
    const before = await workSoFar(srv);
    const round = await phaseRequest(sockets, `${url}/api/phases/${phaseId}/open`, {
      cookie: ready.organizerCookie,
      accept: (a) => a.reason === 'phase_opened' && a.phaseId === phaseId,
      onMessage: (bytes) => (messageBytes = bytes),
    });
    open.latencies.push(...round.latencies);
    open.http.push(round.httpMs);
    open.errors += round.errors;
    open.roundP99.push(summarize(round.latencies).p99);
    const after = await workSoFar(srv);
    work.statements += after.statements - before.statements;
    work.cpuUs += after.cpuUs - before.cpuUs;
    if (profile) windows.push([from, await srv.mark()]);
    if (server === 'plenum') {
      const back = await phaseRequest(sockets, `${url}/api/phases/${phaseId}/close`, {
        cookie: ready.organizerCookie,
        accept: (a) => a.reason === 'phase_closed' && a.phaseId === phaseId,
      });
      close.latencies.push(...back.latencies);
      close.errors += back.errors;
    }
    await sleep(500);
  }

  const dropped = { ...disconnects };
  const kbPerClient = Object.fromEntries(
    Object.entries(traffic).map(([event, bytes]) => [
      event,
      Number((bytes / opts.clients / 1024).toFixed(1)),
    ]),
  );
  for (const socket of sockets) socket.disconnect();
  const profileFile = await srv.stop(windows);
  return {
    server,
    connectSeconds,
    ...summarize(open.latencies),
    errors: open.errors,
    http: summarize(open.http),
    roundP99: open.roundP99,
    messageBytes,
    disconnects: dropped,
    kbPerClient,
    ...(server === 'plenum' && { close: { ...summarize(close.latencies), errors: close.errors } }),
    sqlPerOpen: Number((work.statements / ready.phaseIds.length).toFixed(1)),
    cpuMsPerOpen: Number((work.cpuUs / 1000 / ready.phaseIds.length).toFixed(1)),
    ...(profileFile && { profileFile }),
  };
}

/**
 * Sends the organizer's request and waits until every client has the message it should get, or
 * 30 s passed. A client that got nothing (or a message without group and token) is an error.
 */
async function phaseRequest(
  sockets: Socket[],
  url: string,
  opts: { cookie: string; accept: (a: Assigned) => boolean; onMessage?: (bytes: number) => void },
) {
  const got = new Float64Array(sockets.length).fill(NaN);
  let received = 0;
  const sentAt = performance.now();
  const listeners = sockets.map((socket, i) => {
    const listener = (a: Assigned) => {
      if (!opts.accept(a) || !a.media?.token || !a.media.room?.id || !Number.isNaN(got[i]!)) return;
      got[i] = performance.now() - sentAt;
      received++;
      if (i === 0) opts.onMessage?.(JSON.stringify(a).length);
    };
    socket.on('room:assigned', listener);
    return listener;
  });
  const answer = await httpPost(url, { cookie: opts.cookie, timeoutMs: WAIT_MS });
  const httpMs = performance.now() - sentAt;
  if (answer.status !== 200) console.error(`${url}: HTTP ${answer.status} ${answer.body}`);
  while (received < sockets.length && performance.now() - sentAt < WAIT_MS) await sleep(20);
  sockets.forEach((socket, i) => socket.off('room:assigned', listeners[i]));
  const latencies = [...got].filter((v) => !Number.isNaN(v));
  return { latencies, httpMs, errors: sockets.length - latencies.length };
}

function report(
  opts: { clients: number; groups: number; rounds: number; flags: Set<string> },
  results: Result[],
) {
  console.log(
    `\nphase-open: ${opts.clients} attendees, ${opts.groups} working groups, ${opts.rounds} rounds ` +
      `(open, then close); ${describeMachine()} at the end`,
  );
  const [bare, plenum] = results as [Result, Result];
  const cells = (values: string[]) =>
    console.log(
      values
        .map((v, i) => (i === 0 ? v.padEnd(14) : v.padStart([9, 8, 6].at(i - 1) ?? 8)))
        .join('  '),
    );
  cells(
    ['server', 'connect s', 'received', 'errors', 'min ms', 'p50 ms', 'p95 ms', 'p99 ms'].concat([
      'max ms',
      'http p50',
      'http max',
      'bytes',
    ]),
  );
  const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(1));
  const row = (name: string, r: Summary & { errors: number; http?: Summary }, rest: string[]) =>
    cells([
      name,
      rest[0]!,
      String(r.count),
      String(r.errors),
      ...[r.min, r.p50, r.p95, r.p99, r.max, r.http?.p50, r.http?.max].map(ms),
      rest[1] ?? '',
    ]);
  for (const r of results) {
    row(r.server, r, [r.connectSeconds.toFixed(1), String(r.messageBytes)]);
  }
  if (plenum.close) row('plenum (close)', plenum.close, ['']);
  for (const r of results) {
    console.log(
      `${r.server}: per open ${r.cpuMsPerOpen} ms server CPU, ${r.sqlPerOpen} SQL statements`,
    );
  }
  for (const r of results) {
    console.log(
      `${r.server}: KB received per client during the rounds ${JSON.stringify(r.kbPerClient)}`,
    );
  }
  for (const r of results) {
    const reasons = Object.entries(r.disconnects);
    if (reasons.length)
      console.log(`${r.server}: connections dropped by ${JSON.stringify(r.disconnects)}`);
  }
  const ratio = plenum.p99 / bare.p99;
  const met = plenum.p99 <= 300 && plenum.errors === 0;
  console.log(
    `p99 per round: bare ${bare.roundP99.join(' / ')} ms, plenum ${plenum.roundP99.join(' / ')} ms; ` +
      `plenum p99 / bare p99 = ${ratio.toFixed(1)} — target p99 ≤ 300 ms: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'phase-open',
      at: new Date().toISOString(),
      ...machine(),
      clients: opts.clients,
      groups: opts.groups,
      rounds: opts.rounds,
      results,
      p99Ratio: Number(ratio.toFixed(2)),
      targetMet: met,
    }),
  );
  return 0;
}
