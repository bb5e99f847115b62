/**
 * Where a join waits, seen from the server child (join-storm `--trace`): the socket step cut into
 * its stages (upgrade request → Engine.IO open → Socket.IO CONNECT received, i.e. the middlewares
 * start → CONNECT sent), the pool (waits for a connection, statements' own time), and the event
 * loop's delay. Measured by wrapping, not by changing the server; `trace` answers the driver.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { answer } from './server-child.ts';

const now = () => performance.now();
const samples = { poolWait: [] as number[], statement: [] as number[] };
const stages = {
  /** The driver's io() (its wall clock, sent as `?sent=`) until Node accepted the connection. */
  sentToAccepted: [] as number[],
  acceptedToUpgrade: [] as number[],
  upgradeToOpen: [] as number[],
  openToConnectPacket: [] as number[],
  middlewares: [] as number[],
  upgradeToConnectSent: [] as number[],
};
let poolWaitingMax = 0;

/** Wraps pg before the app is built. */
export function tracePg() {
  const pool = pg.Pool.prototype as unknown as {
    connect(cb?: (...a: unknown[]) => void): unknown;
    waitingCount: number;
  };
  const connect = pool.connect;
  pool.connect = function (this: typeof pool, cb?: (...a: unknown[]) => void) {
    const t0 = now();
    poolWaitingMax = Math.max(poolWaitingMax, this.waitingCount + 1);
    if (cb) {
      return connect.call(this, (...a: unknown[]) => {
        samples.poolWait.push(now() - t0);
        cb(...a);
      });
    }
    const p = connect.call(this) as Promise<unknown>;
    return p.then((c) => (samples.poolWait.push(now() - t0), c));
  };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const t0 = now();
    const last = args.length - 1;
    const cb = args[last];
    if (typeof cb === 'function') {
      // Callback form (the pool's query): the callback is the last argument.
      args[last] = (...a: unknown[]) => {
        samples.statement.push(now() - t0);
        (cb as (...x: unknown[]) => void)(...a);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      void (result as Promise<unknown>).then(
        () => samples.statement.push(now() - t0),
        () => {},
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

/** Hooks the app's HTTP server and Socket.IO after the app is built. */
export function traceSockets(app: FastifyInstance) {
  type Req = IncomingMessage & { tUpgrade?: number; tOpen?: number; tMw?: number };
  type Accepted = Socket & { tAccepted?: number; wallAccepted?: number };
  // Emitted for every connection, whichever of the listening sockets took it (lib/listen.ts).
  app.server.prependListener('connection', (socket: Accepted) => {
    socket.tAccepted = now();
    socket.wallAccepted = Date.now();
  });
  app.server.prependListener('upgrade', (req: Req) => {
    req.tUpgrade = now();
    const socket = req.socket as Accepted;
    if (socket.tAccepted === undefined) return;
    stages.acceptedToUpgrade.push(req.tUpgrade - socket.tAccepted);
    const sent = Number(new URL(req.url ?? '/', 'http://bench').searchParams.get('sent'));
    if (sent) stages.sentToAccepted.push(socket.wallAccepted! - sent);
  });
  const io = app.realtime.io;
  io.engine.on('connection', (sock: { request: Req }) => {
    const req = sock.request;
    req.tOpen = now();
    if (req.tUpgrade) stages.upgradeToOpen.push(req.tOpen - req.tUpgrade);
  });
  const nsp = io.of('/') as unknown as { _fns: ((s: unknown, n: () => void) => void)[] };
  nsp._fns.unshift((socket, next) => {
    const req = (socket as { request: Req }).request;
    req.tMw = now();
    if (req.tOpen) stages.openToConnectPacket.push(req.tMw - req.tOpen);
    next();
  });
  io.on('connection', (socket) => {
    const req = socket.request as Req;
    const t = now();
    if (req.tMw) stages.middlewares.push(t - req.tMw);
    if (req.tUpgrade) stages.upgradeToConnectSent.push(t - req.tUpgrade);
  });
}

const loop = monitorEventLoopDelay({ resolution: 10 });

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(1));
};
const sum = (xs: number[]) => ({
  n: xs.length,
  p50: pct(xs, 50),
  p95: pct(xs, 95),
  p99: pct(xs, 99),
});

answer('trace-start', async () => {
  for (const xs of [...Object.values(samples), ...Object.values(stages)]) xs.length = 0;
  poolWaitingMax = 0;
  loop.reset();
  loop.enable();
  return { type: 'trace-start' };
});
answer('trace', async () => {
  loop.disable();
  return {
    type: 'trace',
    eventLoopDelayMs: {
      p50: Number((loop.percentile(50) / 1e6).toFixed(1)),
      p99: Number((loop.percentile(99) / 1e6).toFixed(1)),
      max: Number((loop.max / 1e6).toFixed(1)),
    },
    poolWaitMs: sum(samples.poolWait),
    poolWaitingMax,
    statementMs: sum(samples.statement),
    socketStagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, sum(v)])),
  };
});
