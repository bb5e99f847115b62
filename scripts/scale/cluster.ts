/**
 * Two app nodes and two LiveKit nodes behind Caddy, on loopback, without Docker: the `scale`
 * profile of docker-compose.yml as processes (npm run test:scale). LiveKit runs in its own
 * multi-node mode (both nodes share Redis; a room lives on one node, signalling to the other is
 * relayed); the app nodes share Postgres (a fresh database) and Redis; Caddy terminates TLS with
 * its local CA and balances with the health checks of deploy/scale/Caddyfile.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { stringify } from 'yaml';
import { ensureLivekitBinary } from '../../server/src/features/livekit/binary.ts';
import { livekitConfig } from '../../server/src/features/livekit/process.ts';
import { createTestDatabase, testDatabaseUrl } from '../../server/src/test/database.ts';
import { freePort } from '../../server/src/test/ports.ts';
import { GroupProcess, waitFor } from './processes.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const caddyfile = path.join(repoRoot, 'deploy/scale/Caddyfile');
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** LiveKit's own Redis database: its node registry and room placement, apart from the app's keys. */
export const LIVEKIT_REDIS_DB = 13;
const API_KEY = 'plenumscale';

export interface AppNode {
  name: string;
  url: string;
  metricsUrl: string;
  livekitUrl: string;
  proc: GroupProcess;
}

export interface LivekitNode {
  name: string;
  url: string;
  /** Every line it logged (JSON), for checks on where participants landed. */
  logFile: string;
  udpPort: number;
  proc: GroupProcess;
}

export interface ScaleCluster {
  /** The balancer: https on loopback, its certificate from Caddy's local CA. */
  url: string;
  caFile: string;
  databaseUrl: string;
  organizerLink: string;
  eventSlug: string;
  livekit: { apiKey: string; apiSecret: string };
  apps: AppNode[];
  livekits: LivekitNode[];
  balancer: GroupProcess;
  stop(): Promise<void>;
}

/** Caddy from PATH (Debian's package) or CADDY_BIN; without it there is no balancer to test. */
export function findCaddy(): string {
  const bin = process.env.CADDY_BIN ?? 'caddy';
  const probe = spawnSync(bin, ['version'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `Caddy is missing (${bin}): the scale test needs the balancer. ` +
        'Install it with `apt-get install -y caddy` (.ci/run does) or set CADDY_BIN.',
    );
  return bin;
}

/** Starts everything; on any failure stops what already runs and rethrows. */
export async function startScaleCluster(log: (line: string) => void): Promise<ScaleCluster> {
  const caddy = findCaddy();
  const livekitBin = await ensureLivekitBinary({ log });
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-scale-'));
  const database = await createTestDatabase(testDatabaseUrl);
  const started: GroupProcess[] = [];
  // The logs and Caddy's CA go with the run even when it is cut short (processes.ts).
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const stop = async () => {
    // LiveKit leaves Redis's node registry cleanly on SIGTERM; the rest may just die.
    await Promise.all(
      started.map(async (p) => {
        const timer = setTimeout(() => p.killGroup('SIGKILL'), 3_000);
        await p.kill('SIGTERM');
        clearTimeout(timer);
        p.killGroup('SIGKILL'); // anything the leader left in its group
      }),
    );
    await dropAppRedisKeys(database.url).catch(() => {});
    await database.drop().catch(() => {});
    removeDir();
    process.off('exit', removeDir);
  };
  try {
    await clearLivekitRedis();
    const apiSecret = randomBytes(24).toString('hex');
    const sessionSecret = randomBytes(24).toString('hex');
    const ports = {
      https: await freePort(),
      http: await freePort(),
      internal: await freePort(),
      livekitSite: await freePort(),
      apps: [await freePort(), await freePort()],
      metrics: [await freePort(), await freePort()],
      livekit: [await freePort(), await freePort()],
      udp: [await freePort(), await freePort()],
    };
    const url = `https://127.0.0.1:${ports.https}`;
    const webhookUrl = `http://127.0.0.1:${ports.internal}/api/livekit/webhook`;

    const livekits = ports.livekit.map((port, i) => {
      const name = `livekit-${i + 1}`;
      const config = {
        ...livekitConfig({
          bin: livekitBin,
          dataDir: dir,
          port,
          rtcPort: 0,
          udpPort: ports.udp[i]!,
          apiKey: API_KEY,
          apiSecret,
          webhookUrl,
          logger: console,
        }),
        // Multi-node mode: nodes find each other and the rooms' placement in Redis.
        redis: { address: new URL(redisUrl).host, db: LIVEKIT_REDIS_DB },
        logging: { level: 'info', json: true },
      };
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, stringify(config), { mode: 0o600 });
      const logFile = path.join(dir, `${name}.log`);
      const proc = new GroupProcess(name, livekitBin, ['--config', file], { logFile });
      started.push(proc);
      return { name, url: `ws://127.0.0.1:${port}`, udpPort: ports.udp[i]!, logFile, proc };
    });
    await Promise.all(
      livekits.map((lk) =>
        waitFor(
          async () => (await fetch(lk.url.replace('ws:', 'http:'))).ok,
          30_000,
          () => `${lk.name} answers`,
          lk.proc,
        ),
      ),
    );

    const caddyData = path.join(dir, 'caddy');
    mkdirSync(caddyData);
    const balancer = new GroupProcess(
      'caddy',
      caddy,
      ['run', '--adapter', 'caddyfile', '--config', caddyfile],
      {
        env: {
          CADDY_HTTP_PORT: String(ports.http),
          CADDY_HTTPS_PORT: String(ports.https),
          CADDY_STORAGE: caddyData,
          CADDY_BIND: '127.0.0.1',
          PLENUM_SITE: url,
          PLENUM_INTERNAL_SITE: `127.0.0.1:${ports.internal}`,
          PLENUM_UPSTREAMS: ports.apps.map((p) => `127.0.0.1:${p}`).join(' '),
          // Plain WebSocket on loopback: @livekit/rtc-node (native) would not trust the local CA.
          LIVEKIT_SITE: `http://127.0.0.1:${ports.livekitSite}`,
          LIVEKIT_UPSTREAMS: ports.livekit.map((p) => `127.0.0.1:${p}`).join(' '),
          XDG_DATA_HOME: caddyData,
          XDG_CONFIG_HOME: caddyData,
        },
      },
    );
    started.push(balancer);
    const caFile = path.join(caddyData, 'pki/authorities/local/root.crt');
    await waitFor(
      async () => existsSync(caFile),
      30_000,
      () => 'Caddy made its CA',
      balancer,
    );

    const appEnv = (i: number): Record<string, string> => ({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(ports.apps[i]),
      PUBLIC_URL: url,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      // As in compose: clients reach LiveKit through the balancer, whichever node it picks relays
      // their signalling to the room's node; the app's API calls go to its own LiveKit node.
      LIVEKIT_URL: `ws://127.0.0.1:${ports.livekitSite}`,
      LIVEKIT_API_URL: livekits[i]!.url.replace('ws:', 'http:'),
      LIVEKIT_API_KEY: API_KEY,
      LIVEKIT_API_SECRET: apiSecret,
      SESSION_SECRET: sessionSecret,
      TRUST_PROXY: 'loopback',
      METRICS_PORT: String(ports.metrics[i]),
      PLENUM_DATA_DIR: path.join(dir, `app-${i + 1}`),
      LOG_LEVEL: 'warn',
    });
    const apps: AppNode[] = [];
    // One after the other: the first applies the migrations to the fresh database.
    for (let i = 0; i < 2; i++) {
      const name = `app-${i + 1}`;
      const proc = new GroupProcess(
        name,
        process.execPath,
        ['--import', 'tsx', 'server/src/server.ts'],
        {
          cwd: repoRoot,
          env: appEnv(i),
        },
      );
      started.push(proc);
      const node = {
        name,
        url: `http://127.0.0.1:${ports.apps[i]}`,
        metricsUrl: `http://127.0.0.1:${ports.metrics[i]}/metrics`,
        livekitUrl: `ws://127.0.0.1:${ports.livekitSite}`,
        proc,
      };
      await waitFor(
        async () => (await fetch(`${node.url}/api/health/ready`)).ok,
        90_000,
        () => `${name} ready`,
        proc,
      );
      apps.push(node);
    }

    // The operator's way to an organizer link: the CLI against the shared database.
    const eventSlug = 'scale-home';
    const cli = (args: string[]) => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/src/cli/index.ts', ...args],
        { cwd: repoRoot, env: { ...process.env, ...appEnv(0) }, encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`plenum ${args[0]}: ${run.stderr}${run.stdout}`);
      return run.stdout.trim();
    };
    cli(['event', 'create', '--slug', eventSlug, '--title', 'Scale test', ...eventTimes()]);
    const organizerLink = cli(['invite', '--event', eventSlug, '--role', 'organizer'])
      .split('\n')
      .at(-1)!;

    // Through the balancer, with its CA: both nodes behind it must have been found healthy.
    await waitFor(
      () => answersOk(`${url}/api/health/ready`, readFileSync(caFile)),
      30_000,
      () => 'the balancer answers',
      balancer,
    );
    return {
      url,
      caFile,
      databaseUrl: database.url,
      organizerLink,
      eventSlug,
      livekit: { apiKey: API_KEY, apiSecret },
      apps,
      livekits,
      balancer,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function eventTimes() {
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return ['--starts', `${day}T08:00:00Z`, '--ends', `${day}T18:00:00Z`];
}

/** LiveKit's registry of a killed earlier run would place rooms on nodes that are gone. */
async function clearLivekitRedis() {
  const client = createClient({ url: redisUrl, database: LIVEKIT_REDIS_DB });
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}

/** What the app nodes left in the shared Redis (their keys are scoped by the database's name). */
async function dropAppRedisKeys(databaseUrl: string) {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const keys = await client.keys(`plenum:${new URL(databaseUrl).pathname.slice(1)}:*`);
    if (keys.length) await client.del(keys);
  } finally {
    await client.close();
  }
}

/** Which LiveKit node (its id) holds each room, from LiveKit's own placement in Redis. */
export async function roomPlacement(): Promise<Record<string, string>> {
  const client = createClient({ url: redisUrl, database: LIVEKIT_REDIS_DB });
  await client.connect();
  try {
    return await client.hGetAll('room_node_map');
  } finally {
    await client.close();
  }
}

/** GET over https with the balancer's CA (this process started before the CA existed). */
function answersOk(url: string, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(url, { ca, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}
