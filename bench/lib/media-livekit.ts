/**
 * LiveKit for the media benchmarks: a real server on free loopback ports (as harness.ts starts
 * it), plus what those benchmarks need beyond the harness: the child's pid (to read its CPU from
 * /proc), the room API, and tokens signed directly with livekit-server-sdk for the baselines and
 * for scaffolding participants that are not Plenum people.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { ensureLivekitBinary } from '../../scripts/ensure-livekit.ts';
import { startEmbeddedLivekit } from '../../server/src/features/livekit/process.ts';
import { freePort } from '../../server/src/test/ports.ts';

export interface MediaLivekit {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** pid of the livekit-server process (the supervisor restarts it under a new one if it dies). */
  pid(): number | undefined;
  rooms: RoomServiceClient;
  /** No more error lines: participants leaving make LiveKit log closed pipes. */
  silence(): void;
  stop(): Promise<void>;
}

export async function startMediaLivekit(): Promise<MediaLivekit> {
  const bin = await ensureLivekitBinary({ log: (line) => console.error(line) });
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-bench-media-'));
  const apiKey = 'plenumbench';
  const apiSecret = `bench-${crypto.randomUUID()}-${crypto.randomUUID()}`;
  const quiet = () => {};
  // Stopping makes LiveKit log errors about the pipes it is closing: not worth a line.
  let stopping = false;
  const error = (o: object | string) => {
    if (!stopping) console.error(o);
  };
  const start = async () =>
    startEmbeddedLivekit({
      bin,
      dataDir: dir,
      port: await freePort(),
      rtcPort: await freePort(),
      udpPort: await freePort(),
      apiKey,
      apiSecret,
      logger: { info: quiet, warn: quiet, debug: quiet, error },
    });
  // A port free a moment ago may be taken by the time LiveKit binds it (tests run beside us).
  const livekit = await start()
    .catch(start)
    .catch(start)
    .catch((err) => {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    });
  return {
    url: livekit.url,
    apiKey,
    apiSecret,
    pid: () => livekit.pid,
    rooms: new RoomServiceClient(livekit.url.replace(/^ws/, 'http'), apiKey, apiSecret),
    silence: () => (stopping = true),
    stop: async () => {
      stopping = true;
      await livekit.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A token signed here, not by Plenum: the baseline's and the scaffolding participants' way in. */
export async function directToken(
  lk: Pick<MediaLivekit, 'apiKey' | 'apiSecret'>,
  who: { identity: string; name: string; room: string; publish: boolean },
): Promise<string> {
  const token = new AccessToken(lk.apiKey, lk.apiSecret, {
    identity: who.identity,
    name: who.name,
    ttl: 3600,
  });
  token.addGrant({
    room: who.room,
    roomJoin: true,
    canPublish: who.publish,
    canPublishData: who.publish,
    canSubscribe: true,
  });
  return token.toJwt();
}

/** utime + stime of a process from /proc/<pid>/stat, in seconds (USER_HZ is 100 on Linux). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; the fields we want come after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** This process's CPU time in seconds: every thread, rtc-node's native ones included. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * CPU use over a window, in % of one core (200 % = both cores of this machine), for this
 * process and for the LiveKit server.
 */
export function cpuWindow(livekitPid: number) {
  const startedAt = performance.now();
  const own = ownCpuSeconds();
  const livekit = processCpuSeconds(livekitPid);
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const pct = (cpu: number) => Math.round((cpu / seconds) * 1000) / 10;
    return {
      seconds: Math.round(seconds * 10) / 10,
      benchPct: pct(ownCpuSeconds() - own),
      livekitPct: pct(processCpuSeconds(livekitPid) - livekit),
    };
  };
}
