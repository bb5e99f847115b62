import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import errorsPlugin from './plugins/errors.ts';
import securityPlugin from './plugins/security.ts';
import dbPlugin from './plugins/db.ts';
import authPlugin from './plugins/auth.ts';
import redisPlugin from './plugins/redis.ts';
import livekitPlugin from './plugins/livekit.ts';
import docsPlugin from './plugins/docs.ts';
import socketIoPlugin from './plugins/socket-io.ts';
import metricsPlugin from './plugins/metrics.ts';
import drainPlugin from './features/health/drain.ts';
import type { PersonLimits } from './realtime/rate-limit.ts';
import healthRoutes from './features/health/routes.ts';
import sessionRoutes from './features/sessions/routes.ts';
import invitationRoutes from './features/invitations/routes.ts';
import eventRoutes from './features/events/routes.ts';
import roomRoutes from './features/rooms/routes.ts';
import agendaRoutes from './features/agenda/routes.ts';
import livekitRoutes from './features/livekit/routes.ts';
import notesPlugin from './features/notes/plugin.ts';
import phasesPlugin from './features/phases/plugin.ts';
import livekitWebhookRoutes from './features/livekit/webhook-routes.ts';
import privacyPlugin from './features/privacy/plugin.ts';
import pollsPlugin from './features/polls/plugin.ts';
import resultsPlugin from './features/results/plugin.ts';
import presenceIntervalsPlugin from './features/presence/intervals-plugin.ts';
import auditRoutes from './features/audit/routes.ts';
import reactionsPlugin from './features/reactions/plugin.ts';
import captionsPlugin from './features/captions/plugin.ts';
import handsPlugin from './features/hands/plugin.ts';
import { serializeErrorSafely, serializeRequestSafely } from './features/privacy/log-safety.ts';
import { logOutput } from './lib/log-output.ts';

/** What buildApp needs beyond the environment: resolved secrets and LiveKit's address. */
export interface AppOptions {
  sessionSecret: string;
  livekit: { url: string; apiUrl?: string; apiKey: string; apiSecret: string };
  /** Serve the built client from here (defaults to client/dist when it exists). */
  clientDist?: string | null;
  /** Unknown or unusable invitation links per minute and address (default 30). */
  authRateLimit?: number;
  /** How often this node looks for phases past their deadline (tests make it fast). */
  deadlineCheckMs?: number;
  /** Socket events and handshakes per person (default PERSON_LIMITS in realtime/rate-limit.ts). */
  personLimits?: PersonLimits;
  /** Where the log goes instead of stdout (tests read it to prove what it never contains). */
  logStream?: { write(line: string): void };
}

const defaultClientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));

/** Builds the whole server without listening: tests use it directly. */
export async function buildApp(config: Config, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      // Failed queries carry their parameters (chat text, names), URLs invitation tokens.
      serializers: { err: serializeErrorSafely, req: serializeRequestSafely },
      ...logOutput({ stdoutIsTTY: process.stdout.isTTY, stream: options.logStream }),
    },
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // A hop count as the function Fastify makes of one (its types take no number).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const publicOrigin = new URL(config.publicUrl).origin;
  const allowedOrigins = [publicOrigin];
  if (config.env === 'development')
    allowedOrigins.push('http://localhost:5173', 'http://127.0.0.1:5173');
  const livekitOrigin = new URL(options.livekit.url).origin;

  const clientDist = options.clientDist === undefined ? defaultClientDist : options.clientDist;
  const serveClient = Boolean(clientDist && existsSync(clientDist));
  await app.register(errorsPlugin, { spaFallback: serveClient });
  await app.register(securityPlugin, {
    sessionSecret: options.sessionSecret,
    allowedOrigins,
    livekitOrigins: [livekitOrigin.replace(/^http/, 'ws'), livekitOrigin.replace(/^ws/, 'http')],
  });
  await app.register(docsPlugin);
  await app.register(dbPlugin, {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
  });
  await app.register(authPlugin, {
    secureCookies: publicOrigin.startsWith('https:'),
    sessionLifetime: { days: config.sessionDays, idleHours: config.sessionIdleHours },
  });
  await app.register(redisPlugin, { url: config.redisUrl });
  await app.register(livekitPlugin, options.livekit);
  await app.register(socketIoPlugin, { allowedOrigins, personLimits: options.personLimits });
  await app.register(drainPlugin);
  await app.register(metricsPlugin, { port: config.metricsPort, host: config.host });

  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(invitationRoutes, {
    publicUrl: config.publicUrl,
    sessionDays: config.sessionDays,
    sessionIdleHours: config.sessionIdleHours,
    authRateLimit: options.authRateLimit ?? 30,
    operator: config.operator,
  });
  await app.register(eventRoutes);
  await app.register(roomRoutes);
  await app.register(agendaRoutes);
  await app.register(livekitRoutes);
  await app.register(livekitWebhookRoutes);
  await app.register(notesPlugin);
  await app.register(phasesPlugin, { deadlineCheckMs: options.deadlineCheckMs });
  await app.register(privacyPlugin);
  await app.register(pollsPlugin);
  await app.register(resultsPlugin);
  await app.register(presenceIntervalsPlugin);
  await app.register(auditRoutes);
  await app.register(reactionsPlugin);
  await app.register(captionsPlugin);
  await app.register(handsPlugin);

  if (serveClient) await app.register(fastifyStatic, { root: clientDist!, wildcard: false });
  return app;
}
