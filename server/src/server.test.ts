import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';
import { ensureLivekitBinary } from './features/livekit/binary.ts';
import { createTestDatabase } from './test/database.ts';
import { freePort } from './test/ports.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function startNode(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitForHealth(
  port: number,
  want: (h: Record<string, unknown>) => boolean,
  child: ChildProcess,
) {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      const body = (await res.json()) as Record<string, unknown>;
      if (want(body)) return body;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy: ${output}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('server process', () => {
  it('starts its own LiveKit with no LiveKit configured and stops it on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plenum-node-'));
    dirs.push(dataDir);
    const database = await createTestDatabase();
    const [port, lkPort, rtcPort, udpPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const child = startNode({
      PORT: String(port),
      DATABASE_URL: database.url,
      PLENUM_DATA_DIR: dataDir,
      LIVEKIT_BIN: await ensureLivekitBinary(),
      LIVEKIT_PORT: String(lkPort),
      LIVEKIT_RTC_PORT: String(rtcPort),
      LIVEKIT_UDP_PORT: String(udpPort),
    });
    try {
      const health = await waitForHealth(port, (h) => h.livekit === 'up', child);
      expect(health).toEqual({ ok: true, db: 'up', livekit: 'up', redis: 'off' });
      expect(await portOpen(lkPort)).toBe(true);
      const exit = exited(child);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(await portOpen(lkPort)).toBe(false);
      expect(await portOpen(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await database.drop();
    }
  }, 90_000);

  it('finishes an in-flight request before it stops on SIGTERM', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const child = startNode({
      PORT: String(port),
      DATABASE_URL: database.url,
      LIVEKIT_URL: 'ws://127.0.0.1:9',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 'x'.repeat(32),
      SESSION_SECRET: 'y'.repeat(32),
    });
    try {
      await waitForHealth(port, (h) => h.db === 'up', child);
      // Health waits up to 2 s for the unreachable LiveKit: a request that is in flight.
      const inFlight = fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
      await new Promise((r) => setTimeout(r, 200));
      const exit = exited(child);
      child.kill('SIGTERM');
      expect(await inFlight).toMatchObject({ db: 'up', livekit: 'down' });
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await database.drop();
    }
  }, 60_000);
});
