import fp from 'fastify-plugin';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  /** Serve `GET /metrics` on this port (0: any free one); undefined: no metrics server. */
  port: number | undefined;
  host: string;
}

export interface Metrics {
  registry: Registry;
  /** Where Prometheus scrapes this node, or null without METRICS_PORT. */
  url: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Successful requests of these routes are counted (one place, not in every feature). */
const COUNTED_ROUTES: Record<string, 'redeem' | 'phaseOpen'> = {
  'POST /api/invitations/:token/redeem': 'redeem',
  'POST /api/phases/:phaseId/open': 'phaseOpen',
};

/**
 * Prometheus metrics on a port of their own (never on the public one: they describe the load, and
 * a balancer must not expose them). Each app has its own registry, so tests can build several.
 */
export default fp<MetricsOptions>(
  async (app, opts) => {
    const registry = new Registry();
    // Without a port nobody reads them: no observers, no wrapped pool or LiveKit client at all.
    if (opts.port === undefined) {
      app.decorate('metrics', { registry, url: null });
      return;
    }
    // Process, heap, GC and event-loop lag (nodejs_eventloop_lag_seconds and its percentiles).
    collectDefaultMetrics({ register: registry });

    const io = app.realtime.io;
    new Gauge({
      name: 'plenum_sockets_connected',
      help: 'Socket.IO connections open on this node',
      registers: [registry],
      collect() {
        this.set(io.of('/').sockets.size);
      },
    });
    const joins = new Counter({
      name: 'plenum_joins_total',
      help: 'Joins: invitations redeemed (via="invitation") and sockets connected (via="socket")',
      labelNames: ['via'] as const,
      registers: [registry],
    });
    const phaseOpens = new Counter({
      name: 'plenum_phase_opens_total',
      help: 'Working-group phases opened through this node',
      registers: [registry],
    });
    joins.inc({ via: 'invitation' }, 0);
    joins.inc({ via: 'socket' }, 0);
    io.on('connection', () => joins.inc({ via: 'socket' }));
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode >= 300) return;
      const counted = COUNTED_ROUTES[`${request.method} ${request.routeOptions.url}`];
      if (counted === 'redeem') joins.inc({ via: 'invitation' });
      else if (counted === 'phaseOpen') phaseOpens.inc();
    });

    if (app.database.driver === 'pg')
      timePool((app.db as unknown as { $client: Pool }).$client, registry);
    timeLivekitApi(app.livekit.rooms as unknown as Record<string, unknown>, registry);

    const server: Server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (err: unknown) => {
          app.log.error({ err }, 'metrics failed');
          res.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}/metrics`;
    app.log.info({ url }, 'metrics listening');
    app.decorate('metrics', { registry, url });
    app.addHook('onClose', async () => {
      await new Promise((resolve) => server.close(resolve));
    });
  },
  { name: 'metrics', dependencies: ['db', 'livekit', 'socket-io'] },
);

/**
 * The pool's queue and how long a query waits for a connection. pg's query() takes its client
 * through connect(), so timing connect() times every checkout, transactions included.
 */
function timePool(pool: Pool, registry: Registry) {
  new Gauge({
    name: 'plenum_db_pool_waiting',
    help: 'Queries waiting for a database connection',
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new Gauge({
    name: 'plenum_db_pool_connections',
    help: 'Database connections of this node, by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  const acquire = new Histogram({
    name: 'plenum_db_pool_acquire_seconds',
    help: 'Time to get a database connection from the pool',
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 3],
    registers: [registry],
  });
  type Done = (release?: unknown) => void;
  type Callback = (err: Error | undefined, client: PoolClient | undefined, done: Done) => void;
  const connect = pool.connect.bind(pool) as (cb?: Callback) => Promise<PoolClient> | undefined;
  pool.connect = ((cb?: Callback) => {
    const end = acquire.startTimer();
    if (cb) {
      return connect((err, client, done) => {
        end();
        cb(err, client, done);
      });
    }
    return connect()!.finally(end);
  }) as Pool['connect'];
}

/** LiveKit's RoomService latency by method and outcome, timed on the one client the node has. */
function timeLivekitApi(rooms: Record<string, unknown>, registry: Registry) {
  const latency = new Histogram({
    name: 'plenum_livekit_api_seconds',
    help: 'LiveKit RoomService calls by method and outcome',
    labelNames: ['method', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const proto = Object.getPrototypeOf(rooms) as Record<string, unknown>;
  for (const method of Object.getOwnPropertyNames(proto)) {
    const original = proto[method];
    if (method === 'constructor' || typeof original !== 'function') continue;
    rooms[method] = async (...args: unknown[]) => {
      const end = latency.startTimer({ method });
      try {
        const result: unknown = await (original as (...a: unknown[]) => unknown).apply(rooms, args);
        end({ outcome: 'ok' });
        return result;
      } catch (err) {
        end({ outcome: 'error' });
        throw err;
      }
    };
  }
}
