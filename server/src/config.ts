import { isIP } from 'node:net';
import { z } from 'zod';
import { weakSecretReason } from './lib/secret-strength.ts';

/**
 * All configuration, read from the environment once. Nothing else reads process.env: every other
 * module gets the parsed `Config`.
 */
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine(
      (v) => v === undefined || protocols.some((p) => safeProtocol(v) === p),
      `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
    );

function safeProtocol(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/**
 * Which proxies may tell us the client's address (X-Forwarded-For): none by default, since a
 * trusted header lets anyone pick the address a rate limit counts. A hop count, or addresses and
 * CIDR ranges (and proxy-addr's names loopback, linklocal, uniquelocal).
 */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): false | number | string[] => {
    if (!v || v === 'false') return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a hop count or addresses/CIDR ranges separated by commas; not: ${bad.join(', ')}`,
      });
    }
    return entries;
  });

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
    // Connections this node keeps to Postgres (pg only; PGlite has one). Postgres'
    // max_connections must cover every node's pool plus the CLI.
    DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    REDIS_URL: optionalUrl(['redis:', 'rediss:']),
    LIVEKIT_URL: optionalUrl(['ws:', 'wss:', 'http:', 'https:']),
    LIVEKIT_API_URL: optionalUrl(['ws:', 'wss:', 'http:', 'https:']),
    LIVEKIT_API_KEY: z.string().trim().min(1).optional(),
    LIVEKIT_API_SECRET: z.string().trim().min(32, 'must be at least 32 characters').optional(),
    LIVEKIT_BIN: z.string().optional(),
    LIVEKIT_PORT: z.coerce.number().int().min(1).max(65535).default(7880),
    // Both follow LIVEKIT_PORT (7880/7881/7882, LiveKit's own pairing), so that two instances
    // on one machine differ in one variable instead of colliding on the media port.
    LIVEKIT_RTC_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    LIVEKIT_UDP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    LIVEKIT_NODE_IP: z.ipv4().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    // Sockets listening on PORT together (SO_REUSEPORT, Node 22.12 and later; one on older Node
    // or a host name): Node takes one new connection per socket and turn of its event loop.
    LISTEN_SOCKETS: z.coerce.number().int().min(1).max(64).default(16),
    PUBLIC_URL: optionalUrl(['http:', 'https:']),
    // Who runs this instance, for the join page's data protection notice (GDPR Art. 13).
    OPERATOR_NAME: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || undefined),
    PRIVACY_URL: optionalUrl(['http:', 'https:']),
    IMPRINT_URL: optionalUrl(['http:', 'https:']),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PLENUM_DATA_DIR: z.string().min(1).default('.data'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // Hours, fractions allowed (0.5 is half an hour).
    SESSION_IDLE_HOURS: z.coerce.number().positive().max(8760).default(12),
    TRUST_PROXY: trustProxy,
    // Prometheus metrics on their own port (off unless set), on HOST like the app.
    METRICS_PORT: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(0).max(65535).optional(),
    ),
    // On SIGTERM: how long the node answers "not ready" before it stops taking connections.
    DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  })
  .refine((e) => (e.LIVEKIT_RTC_PORT && e.LIVEKIT_UDP_PORT) || e.LIVEKIT_PORT <= 65533, {
    message:
      'above 65533 leaves no room for the ports after it; set LIVEKIT_RTC_PORT and LIVEKIT_UDP_PORT',
    path: ['LIVEKIT_PORT'],
  })
  .refine((e) => !e.LIVEKIT_URL || (e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET), {
    message: 'LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required when LIVEKIT_URL is set',
    path: ['LIVEKIT_URL'],
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV !== 'production') return;
    for (const name of ['SESSION_SECRET', 'LIVEKIT_API_SECRET'] as const) {
      const secret = e[name];
      // A short one already has its own line.
      const reason = secret === undefined || secret.length < 32 ? null : weakSecretReason(secret);
      if (reason) ctx.addIssue({ code: 'custom', path: [name], message: reason });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  /** Size of this node's Postgres pool. */
  dbPoolMax: number;
  redisUrl: string | undefined;
  /** Set when an external LiveKit is used; otherwise Plenum starts its own on loopback. */
  livekit: {
    url: string | undefined;
    /** Where the server reaches LiveKit's API when that differs from the browser's URL (compose). */
    apiUrl: string | undefined;
    apiKey: string | undefined;
    apiSecret: string | undefined;
    bin: string | undefined;
    port: number;
    rtcPort: number;
    udpPort: number;
    nodeIp: string | undefined;
  };
  port: number;
  host: string;
  /** Sockets listening on `port` together, where Node can share it (lib/listen.ts). */
  listenSockets: number;
  publicUrl: string;
  /** The instance's operator, named on the join page, and its privacy notice and imprint. */
  operator: {
    name: string | undefined;
    privacyUrl: string | undefined;
    imprintUrl: string | undefined;
  };
  sessionSecret: string | undefined;
  sessionDays: number;
  /** A session unused for this long ends, before its absolute end. */
  sessionIdleHours: number;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses and ranges. */
  trustProxy: false | number | string[];
  dataDir: string;
  logLevel: string;
  /** Port of the Prometheus metrics server; undefined: none. */
  metricsPort: number | undefined;
  /** SIGTERM → not ready for this long (the balancer notices), then the node closes. */
  drainDelayMs: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.DB_POOL_MAX,
    redisUrl: e.REDIS_URL,
    livekit: {
      url: e.LIVEKIT_URL,
      apiUrl: e.LIVEKIT_API_URL,
      apiKey: e.LIVEKIT_API_KEY,
      apiSecret: e.LIVEKIT_API_SECRET,
      bin: e.LIVEKIT_BIN,
      port: e.LIVEKIT_PORT,
      rtcPort: e.LIVEKIT_RTC_PORT ?? e.LIVEKIT_PORT + 1,
      udpPort: e.LIVEKIT_UDP_PORT ?? e.LIVEKIT_PORT + 2,
      nodeIp: e.LIVEKIT_NODE_IP,
    },
    port: e.PORT,
    host: e.HOST,
    listenSockets: e.LISTEN_SOCKETS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    operator: { name: e.OPERATOR_NAME, privacyUrl: e.PRIVACY_URL, imprintUrl: e.IMPRINT_URL },
    sessionSecret: e.SESSION_SECRET,
    sessionDays: e.SESSION_DAYS,
    sessionIdleHours: e.SESSION_IDLE_HOURS,
    trustProxy: e.TRUST_PROXY,
    dataDir: e.PLENUM_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    metricsPort: e.METRICS_PORT,
    drainDelayMs: e.DRAIN_DELAY_MS,
  };
}
