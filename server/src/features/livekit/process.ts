import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'yaml';
import { bindAlone } from '../../lib/listen.ts';

type LogFn = (objOrMsg: object | string, msg?: string) => void;

export interface EmbeddedLivekitOptions {
  bin: string;
  dataDir: string;
  /** HTTP/WebSocket port for signalling and the server API. */
  port: number;
  /** TCP port for ICE-TCP; 0 turns ICE-TCP off. LiveKit binds it on all interfaces regardless. */
  rtcPort: number;
  /** Single UDP port for all media (UDP mux); config.ts derives it from LIVEKIT_PORT. */
  udpPort: number;
  /** Address LiveKit binds to and advertises in ICE candidates. Defaults to 127.0.0.1. */
  nodeIp?: string;
  apiKey: string;
  apiSecret: string;
  webhookUrl?: string;
  logger: { debug?: LogFn; info: LogFn; warn: LogFn; error: LogFn };
}

export interface EmbeddedLivekit {
  /** ws://host:port for clients and the server SDK. */
  url: string;
  /** pid of the current child; changes after a restart. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;
// A child that stayed up this long crashed for a new reason; start the backoff over.
const STABLE_AFTER_MS = 30_000;
const LOG_TAIL_LINES = 30;
const RUNNING_AFTER_HTTP_MS = 150;

/** Not a STUN server: a client's own loopback, where a binding request fails at once. */
export const LOOPBACK_STUN = '127.0.0.1:3478';

export function livekitConfig(opts: EmbeddedLivekitOptions): Record<string, unknown> {
  const nodeIp = opts.nodeIp ?? '127.0.0.1';
  return {
    port: opts.port,
    bind_addresses: [nodeIp],
    rtc: {
      tcp_port: opts.rtcPort,
      udp_port: opts.udpPort,
      use_external_ip: false,
      enable_loopback_candidate: true,
      // An explicit node_ip is what keeps LiveKit from asking Google's STUN servers for one.
      node_ip: nodeIp,
      // With no STUN server of its own, LiveKit tells every client to use Google's and Twilio's.
      // A loopback address fills the list without sending anyone's browser anywhere.
      stun_servers: [LOOPBACK_STUN],
      // Without this filter the UDP mux opens the port on every interface address.
      ips: { includes: [nodeIp.includes(':') ? `${nodeIp}/128` : `${nodeIp}/32`] },
    },
    room: { auto_create: false, empty_timeout: 300 },
    keys: { [opts.apiKey]: opts.apiSecret },
    ...(opts.webhookUrl && { webhook: { api_key: opts.apiKey, urls: [opts.webhookUrl] } }),
    logging: { level: 'info' },
  };
}

export async function startEmbeddedLivekit(opts: EmbeddedLivekitOptions): Promise<EmbeddedLivekit> {
  const nodeIp = opts.nodeIp ?? '127.0.0.1';
  await assertPortsFree(nodeIp, opts.port, opts.rtcPort, opts.udpPort);

  const dir = join(opts.dataDir, 'livekit');
  const configPath = join(dir, 'livekit.yaml');
  await mkdir(dir, { recursive: true });
  // The file holds the API secret.
  await writeFile(configPath, stringify(livekitConfig(opts)), { mode: 0o600 });

  const host = nodeIp === '0.0.0.0' ? '127.0.0.1' : nodeIp.includes(':') ? `[${nodeIp}]` : nodeIp;
  const supervisor = new LivekitSupervisor(opts, configPath, `http://${host}:${opts.port}/`);
  await supervisor.start();
  return {
    url: `ws://${host}:${opts.port}`,
    get pid() {
      return supervisor.pid;
    },
    stop: () => supervisor.stop(),
  };
}

class LivekitSupervisor {
  private child: ChildProcess | undefined;
  private childExited: Promise<void> = Promise.resolve();
  private stopping = false;
  private backoffMs = BACKOFF_MIN_MS;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly tail: string[] = [];
  // Runs synchronously as Node exits, so the child never outlives us (except on SIGKILL of us).
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(
    private readonly opts: EmbeddedLivekitOptions,
    private readonly configPath: string,
    private readonly healthUrl: string,
  ) {}

  get pid() {
    return this.child?.pid;
  }

  async start() {
    process.on('exit', this.killOnExit);
    const started = Date.now();
    try {
      await this.spawnAndWait();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.opts.logger.info({ url: this.healthUrl, ms: Date.now() - started }, 'LiveKit is up');
  }

  async stop() {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let graceTimer: NodeJS.Timeout | undefined;
      const exitedInTime = await Promise.race([
        this.childExited.then(() => true),
        new Promise<false>((resolve) => (graceTimer = setTimeout(resolve, STOP_GRACE_MS, false))),
      ]);
      clearTimeout(graceTimer); // so a clean stop does not hold the event loop open for 5 s
      if (!exitedInTime) {
        this.opts.logger.warn(`LiveKit ignored SIGTERM for ${STOP_GRACE_MS} ms; killing it`);
        child.kill('SIGKILL');
        await this.childExited;
      }
    }
    process.off('exit', this.killOnExit);
  }

  /** Spawns the child and resolves once its HTTP endpoint answers; rejects if it dies first. */
  private async spawnAndWait() {
    const spawnedAt = Date.now();
    const child = spawn(this.opts.bin, ['--config', this.configPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const spawnFailed = new Promise<never>((_, reject) =>
      child.once('error', (error) =>
        reject(new Error(`Could not run LiveKit binary ${this.opts.bin}: ${error.message}`)),
      ),
    );
    spawnFailed.catch(() => {}); // handled by the race below, or irrelevant once ready
    // A child that never spawned emits 'error' but no 'exit'; both mean it is gone.
    this.childExited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      spawnFailed.catch(() => resolve());
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => this.forwardLog(line));
    }
    child.once('exit', (code, signal) => this.onChildExit(child, code, signal, spawnedAt));

    const diedEarly = this.childExited.then(() => {
      throw new Error(
        `LiveKit exited during start-up (code ${child.exitCode}, signal ${child.signalCode}).` +
          this.lastLines(),
      );
    });
    diedEarly.catch(() => {});
    await Promise.race([this.waitUntilAnswering(child), diedEarly, spawnFailed]);
  }

  private async waitUntilAnswering(child: ChildProcess) {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      if (await answers(this.healthUrl)) {
        // v1.13.5 serves HTTP 100 ms before it marks itself running, and drops a SIGTERM that
        // arrives in between (it then only dies by SIGKILL). Step past that window.
        await sleep(RUNNING_AFTER_HTTP_MS);
        return;
      }
      await sleep(100);
    }
    if (child.exitCode !== null || child.signalCode !== null) return; // diedEarly reports it
    throw new Error(
      `LiveKit did not answer on ${this.healthUrl} within ${READY_TIMEOUT_MS / 1000} s.` +
        this.lastLines(),
    );
  }

  private onChildExit(
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
    spawnedAt: number,
  ) {
    if (this.stopping || child !== this.child) return;
    if (Date.now() - spawnedAt > STABLE_AFTER_MS) this.backoffMs = BACKOFF_MIN_MS;
    this.scheduleRestart({ code, signal, lastLines: this.tail.slice(-5) });
  }

  private scheduleRestart(why: object) {
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
    this.opts.logger.warn(
      { ...why, restartInMs: delay },
      'LiveKit exited unexpectedly; restarting',
    );
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart() {
    if (this.stopping) return;
    try {
      await this.spawnAndWait();
      this.opts.logger.info({ pid: this.pid }, 'LiveKit restarted');
    } catch (error) {
      if (this.stopping) return;
      this.opts.logger.error({ err: error }, 'LiveKit restart failed');
      // A child that exited has already scheduled the next attempt from its exit handler; one
      // that hung gets killed so that it does; one that never spawned has no exit handler.
      if (this.child?.pid === undefined) this.scheduleRestart({ error: String(error) });
      else this.child.kill('SIGKILL');
    }
  }

  private forwardLog(line: string) {
    this.tail.push(line);
    if (this.tail.length > LOG_TAIL_LINES) this.tail.shift();
    // Console format: "<time>\t<LEVEL>\tlivekit\t<caller>\t<message>\t<json fields>"
    const level = line.split('\t')[1];
    const { logger } = this.opts;
    if (level === 'ERROR' || level === 'FATAL' || level === 'PANIC')
      logger.error({ livekit: line });
    else if (level === 'WARN') logger.warn({ livekit: line });
    else (logger.debug ?? logger.info)({ livekit: line });
  }

  private lastLines() {
    return this.tail.length ? `\nLast LiveKit output:\n${this.tail.slice(-10).join('\n')}` : '';
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Checked up front because LiveKit would otherwise either crash with a terse bind error or,
 * worse, our health poll would get "OK" from whatever LiveKit already holds the port.
 */
async function assertPortsFree(host: string, port: number, rtcPort: number, udpPort: number) {
  const checks: [string, Promise<boolean>][] = [
    [`TCP ${host}:${port} (LiveKit API)`, tcpPortFree(host, port)],
    [`UDP ${host}:${udpPort} (LiveKit media)`, udpPortFree(host, udpPort)],
  ];
  // LiveKit listens for ICE-TCP on every interface, so that is where it must be free.
  if (rtcPort) checks.push([`TCP *:${rtcPort} (LiveKit ICE-TCP)`, tcpPortFree(undefined, rtcPort)]);
  for (const [what, free] of checks) {
    if (!(await free)) {
      throw new Error(
        `Cannot start the embedded LiveKit: ${what} is already in use by another process. ` +
          'Stop that process or choose other LIVEKIT_* ports.',
      );
    }
  }
}

function tcpPortFree(host: string | undefined, port: number): Promise<boolean> {
  return bindAlone(host, port).then(
    () => true,
    () => false,
  );
}

function udpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', () => resolve(false));
    socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
