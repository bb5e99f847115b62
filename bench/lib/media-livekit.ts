/**
 * LiveKit for the media benchmarks: harness.ts's real server on free loopback ports, plus the
 * room API, the CPU of its process from /proc, and tokens signed directly with livekit-server-sdk
 * for the baselines and for scaffolding participants that are not Plenum people.
 */
import { readFileSync } from 'node:fs';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { startLivekit, type BenchLivekit } from './harness.ts';

export interface MediaLivekit extends BenchLivekit {
  rooms: RoomServiceClient;
}

export async function startMediaLivekit(): Promise<MediaLivekit> {
  const livekit = await startLivekit();
  const api = livekit.url.replace(/^ws/, 'http');
  return { ...livekit, rooms: new RoomServiceClient(api, livekit.apiKey, livekit.apiSecret) };
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
