/**
 * Join storm: M attendees arrive at once (C at a time), each as a browser would: redeem the
 * invitation link (`POST /api/invitations/:token/redeem`, which sets the session cookie), connect
 * the socket with that cookie, and ask for the plenary's LiveKit token. Measured per complete
 * join and per step, against Plenum (real Postgres, real LiveKit) and, in the same run, a bare
 * Fastify + Socket.IO server that does no database work. Sockets stay connected to the end.
 *
 *   npm run bench -- join-storm [--attendees 1000] [--concurrency 50] [--links-each] [--cpu-prof]
 */
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
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
}
type Options = ReturnType<typeof options>;

const HARD_LIMIT_MS = 5 * 60_000;
const serverEntry = fileURLToPath(new URL('./join-storm.server.ts', import.meta.url));

const options = (args: string[]) =>
  parseArgs(args, { attendees: 1000, concurrency: 50 }, ['links-each', 'cpu-prof']);

export async function run(args: string[]): Promise<number> {
  const opts = options(args);
  const children = new Set<ChildProcess>();
  const cancel = hardLimit('join-storm', HARD_LIMIT_MS, children);
  const livekit = await startLivekit();
  try {
    const results: Result[] = [];
    for (const server of ['bare', 'plenum'] as const) {
      results.push(await measure(server, opts, children, livekitEnv(livekit)));
    }
    report(opts, results);
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
): Promise<Result> {
  const profile = server === 'plenum' && opts.flags.has('cpu-prof');
  const srv = await forkServer<Ready>(
    serverEntry,
    [server, String(opts.attendees), opts.flags.has('links-each') ? 'each' : 'shared'],
    children,
    { env, ...(profile && { cpuProfDir: profileDir() }) },
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
    sockets.push(await connectClient(url, { cookie, slug: ready.slug, timeoutMs: 30_000 }));
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
  };
  const from = profile ? await srv.mark() : 0;
  const workBefore = await workSoFar(srv);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.attendees) {
        const i = next++;
        await join(i).catch((err: Error) => errors.push(`join ${i + 1}: ${err.message}`));
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
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
    ...(profileFile && { profileFile }),
  };
}

function report(opts: Options, results: Result[]) {
  const links = opts.flags.has('links-each') ? 'one link each' : 'one shared link';
  console.log(
    `\njoin-storm: ${opts.attendees} attendees, ${opts.concurrency} at a time, ${links}; ` +
      `${describeMachine()} at the end`,
  );
  console.log(
    'server    joins  errors  joins/s   p50 ms   p95 ms   p99 ms   max ms │ p99: redeem   socket    token',
  );
  for (const r of results) {
    console.log(
      `${r.server.padEnd(8)} ${String(r.count).padStart(6)}  ${String(r.errors).padStart(6)}  ${r.joinsPerSecond.toFixed(0).padStart(7)} ${msCell(r.p50)} ${msCell(r.p95)} ${msCell(r.p99)} ${msCell(r.max)} │     ${msCell(r.redeem.p99)} ${msCell(r.socket.p99)} ${msCell(r.token.p99)}`,
    );
    console.log(`  per join: ${r.cpuMsPerJoin} ms server CPU, ${r.sqlPerJoin} SQL statements`);
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
      results,
      p99Ratio: Number(ratio.toFixed(2)),
      targetMet: met,
    }),
  );
}
