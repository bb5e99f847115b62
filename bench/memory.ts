/**
 * Memory: the server's RSS before and after N attendees connected (then idle, so that start-up
 * garbage and handshake buffers settle), per attendee. Read in the server child after a full GC.
 * Against Plenum and, in the same run, a bare Socket.IO server with as many sockets.
 *
 *   npm run bench -- memory [--clients 1000] [--idle 10]
 */
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import {
  connectMany,
  describeMachine,
  forkServer,
  hardLimit,
  machine,
  parseArgs,
  sleep,
} from './lib/harness.ts';

interface Ready {
  type: 'ready';
  port: number;
  slug: string;
  cookies: string[];
}
interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}
interface Result {
  server: 'bare' | 'plenum';
  connected: number;
  before: Memory;
  after: Memory;
  rssKbPerClient: number;
  heapKbPerClient: number;
}
type Options = ReturnType<typeof options>;

const HARD_LIMIT_MS = 4 * 60_000;
const serverEntry = fileURLToPath(new URL('./memory.server.ts', import.meta.url));
const options = (args: string[]) => parseArgs(args, { clients: 1000, idle: 10 });

export async function run(args: string[]): Promise<number> {
  const opts = options(args);
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('memory', HARD_LIMIT_MS, children);
  try {
    const results: Result[] = [];
    for (const server of ['bare', 'plenum'] as const) {
      results.push(await measure(server, opts, children));
    }
    report(opts, results);
    return 0;
  } finally {
    cancel();
    for (const child of children) child.kill();
  }
}

async function measure(
  server: 'bare' | 'plenum',
  opts: Options,
  children: Set<ChildProcess>,
): Promise<Result> {
  const srv = await forkServer<Ready>(serverEntry, [server, String(opts.clients)], children);
  const { ready } = srv;
  const url = `http://127.0.0.1:${ready.port}`;
  // The same idle time before as after: lazy start-up work is not counted as the clients'.
  await sleep(opts.idle * 1000);
  const before = await srv.ask<Memory>({ type: 'memory' }, 'memory');
  const sockets = await connectMany(url, opts.clients, (i) => ({
    cookie: ready.cookies[i],
    slug: ready.slug,
  }));
  await sleep(opts.idle * 1000);
  const after = await srv.ask<Memory>({ type: 'memory' }, 'memory');
  const connected = sockets.filter((s) => s.connected).length;
  for (const socket of sockets) socket.disconnect();
  await srv.stop();
  const perClient = (key: keyof Memory) =>
    Number(((after[key] - before[key]) / connected / 1024).toFixed(1));
  return {
    server,
    connected,
    before,
    after,
    rssKbPerClient: perClient('rss'),
    heapKbPerClient: perClient('heapUsed'),
  };
}

function report(opts: Options, results: Result[]) {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).padStart(8);
  console.log(
    `\nmemory: ${opts.clients} connected attendees, ${opts.idle} s idle before each reading, ` +
      `after a full GC; ${describeMachine()} at the end`,
  );
  console.log(
    'server   connected  RSS before MB  RSS after MB  heap before MB  heap after MB  RSS KB/client  heap KB/client',
  );
  for (const r of results) {
    console.log(
      `${r.server.padEnd(8)} ${String(r.connected).padStart(9)}  ${mb(r.before.rss).padStart(13)}  ${mb(r.after.rss).padStart(12)}  ${mb(r.before.heapUsed).padStart(14)}  ${mb(r.after.heapUsed).padStart(13)}  ${r.rssKbPerClient.toFixed(1).padStart(13)}  ${r.heapKbPerClient.toFixed(1).padStart(14)}`,
    );
  }
  const [bare, plenum] = results as [Result, Result];
  const met = plenum.rssKbPerClient <= 50 && plenum.connected === opts.clients;
  console.log(
    `plenum / bare RSS per client = ${(plenum.rssKbPerClient / bare.rssKbPerClient).toFixed(1)} — ` +
      `target ≤ 50 KB per attendee: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'memory',
      at: new Date().toISOString(),
      ...machine(),
      clients: opts.clients,
      idleSeconds: opts.idle,
      results,
      targetMet: met,
    }),
  );
}
