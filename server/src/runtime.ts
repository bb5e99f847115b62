import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { warmJoinPath } from './features/access/warm-up.ts';
import { listenOnSharedPort } from './lib/listen.ts';
import { loadOrCreateSecrets } from './lib/secrets.ts';
import {
  startEmbeddedLivekit,
  type EmbeddedLivekit,
  type EmbeddedLivekitOptions,
} from './features/livekit/process.ts';
import { ensureLivekitBinary } from './features/livekit/binary.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * Everything a node needs to run: secrets, LiveKit (external, or our own child process on
 * loopback), the app, listening. Used by server.ts and by `npm start`.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  // Generated secrets are only for a zero-configuration start; a configured node writes nothing.
  const needsSecrets = !config.sessionSecret || !config.livekit.apiKey || !config.livekit.apiSecret;
  const secrets = needsSecrets ? loadOrCreateSecrets(config.dataDir) : undefined;
  let embedded: EmbeddedLivekit | null = null;
  const livekit = {
    url:
      config.livekit.url ?? `ws://${config.livekit.nodeIp ?? '127.0.0.1'}:${config.livekit.port}`,
    apiUrl: config.livekit.apiUrl,
    apiKey: (config.livekit.apiKey ?? secrets?.livekitApiKey)!,
    apiSecret: (config.livekit.apiSecret ?? secrets?.livekitApiSecret)!,
  };
  const app = await buildApp(config, {
    sessionSecret: (config.sessionSecret ?? secrets?.sessionSecret)!,
    livekit,
  });
  try {
    if (!config.livekit.url) {
      embedded = await startConfiguredLivekit(
        config,
        livekit,
        app.log.child({ component: 'livekit' }),
      );
    }
    // Before the first connection: a cold node's first burst of joins paid for it (warm-up.ts).
    await warmJoinPath(app.db, config.databaseUrl ? config.dbPoolMax : 1).catch((err: unknown) =>
      app.log.warn({ err }, 'warming the join path failed; the first joins will be slower'),
    );
    const sockets = await listenOnSharedPort(app, {
      port: config.port,
      host: config.host,
      sockets: config.listenSockets,
    });
    if (sockets > 1) app.log.info({ sockets }, 'listening on sockets sharing the port');
  } catch (err) {
    await app.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    url: `http://${config.host}:${port}`,
    close: async () => {
      await app.close();
      await embedded?.stop();
    },
  };
}

/**
 * The embedded LiveKit for this configuration (`npm start`, `npm run dev`): on loopback unless a
 * node IP is set, its webhook pointed back at this node.
 */
export async function startConfiguredLivekit(
  config: Config,
  keys: { apiKey: string; apiSecret: string },
  logger: EmbeddedLivekitOptions['logger'],
): Promise<EmbeddedLivekit> {
  const bin = config.livekit.bin ?? (await ensureLivekitBinary({ log: (l) => logger.info(l) }));
  return startEmbeddedLivekit({
    bin,
    dataDir: config.dataDir,
    port: config.livekit.port,
    // LiveKit binds ICE/TCP on every interface: on loopback-only use, media goes over UDP alone.
    rtcPort: config.livekit.nodeIp ? config.livekit.rtcPort : 0,
    udpPort: config.livekit.udpPort,
    nodeIp: config.livekit.nodeIp,
    apiKey: keys.apiKey,
    apiSecret: keys.apiSecret,
    webhookUrl: `http://127.0.0.1:${config.port}/api/livekit/webhook`,
    logger,
  });
}

/**
 * Stops on SIGTERM/SIGINT. First the node drains: readiness answers 503 and new sockets are
 * refused as `unavailable` (clients retry through the balancer, reaching another node), for
 * `drainDelayMs` so the balancer notices. Then the app closes: events begun are answered, new
 * ones refused as retryable, open sockets end as a transport close (clients reconnect elsewhere
 * by themselves), the database and LiveKit close. At most 10 s after the drain delay.
 */
export function closeOnSignals(server: RunningServer, opts: { drainDelayMs?: number } = {}) {
  let closing = false;
  const drainDelayMs = opts.drainDelayMs ?? 0;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal, drainDelayMs }, 'shutting down');
    server.app.drain.begin();
    const force = setTimeout(() => {
      server.app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, drainDelayMs + 10_000);
    force.unref();
    new Promise((resolve) => setTimeout(resolve, drainDelayMs))
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          server.app.log.error({ err }, 'error during shutdown');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
