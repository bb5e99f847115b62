import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureLivekitBinary } from './binary.ts';
import { startEmbeddedLivekit, type EmbeddedLivekit } from './process.ts';

const LOOPBACK = '127.0.0.1';

/** Ports the kernel just handed out; something else could grab them, but not in practice. */
async function freeTcpPort(host?: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host, port: 0 }, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind({ address: LOOPBACK, port: 0 }, resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(resolve));
  return port;
}

async function portsFor() {
  return {
    port: await freeTcpPort(LOOPBACK),
    rtcPort: await freeTcpPort(),
    udpPort: await freeUdpPort(),
  };
}

function collectingLogger() {
  const lines: string[] = [];
  const log = (o: object | string, msg?: string) => lines.push(JSON.stringify({ o, msg }));
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

describe('embedded LiveKit', () => {
  let bin: string;
  let dataDir: string;
  const apiKey = 'APIplenumtest';
  const apiSecret = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    // On CI a missing binary is a failure, never a silent skip or a surprise 3-minute build.
    bin = await ensureLivekitBinary({ allowBuild: process.env.CI !== 'true' });
    dataDir = await mkdtemp(join(tmpdir(), 'plenum-livekit-'));
  }, 15 * 60_000);

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  describe('one running instance', () => {
    let ports: Awaited<ReturnType<typeof portsFor>>;
    let livekit: EmbeddedLivekit;
    let rooms: RoomServiceClient;
    const { logger, lines } = collectingLogger();

    beforeAll(async () => {
      ports = await portsFor();
      const started = Date.now();
      livekit = await startEmbeddedLivekit({ bin, dataDir, ...ports, apiKey, apiSecret, logger });
      console.info(`embedded LiveKit answered after ${Date.now() - started} ms`);
      rooms = new RoomServiceClient(`http://${LOOPBACK}:${ports.port}`, apiKey, apiSecret);
    }, 60_000);

    afterAll(async () => {
      await livekit?.stop();
    });

    it('creates, lists and deletes rooms with the generated keys', async () => {
      expect(livekit.url).toBe(`ws://${LOOPBACK}:${ports.port}`);
      await rooms.createRoom({ name: 'plenary' });
      expect((await rooms.listRooms()).map((r) => r.name)).toContain('plenary');
      await rooms.deleteRoom('plenary');
      expect((await rooms.listRooms()).map((r) => r.name)).not.toContain('plenary');
    }, 60_000);

    it('comes back by itself after the LiveKit process is killed', async () => {
      const killedPid = livekit.pid!;
      process.kill(killedPid, 'SIGKILL');
      await vi.waitFor(
        async () => {
          expect(livekit.pid).not.toBe(killedPid);
          expect(await rooms.listRooms()).toEqual([]);
        },
        { timeout: 20_000, interval: 200 },
      );
      expect(lines.some((l) => l.includes('LiveKit exited unexpectedly'))).toBe(true);
    }, 60_000);

    it('ends the process and frees its ports when stopped', async () => {
      const pid = livekit.pid!;
      await livekit.stop();
      expect(() => process.kill(pid, 0)).toThrow();
      expect(await canListen(LOOPBACK, ports.port)).toBe(true);
      expect(await canListen(undefined, ports.rtcPort)).toBe(true);
      expect(await canBindUdp(ports.udpPort)).toBe(true);
    }, 60_000);
  });

  it('rejects the wrong API secret', async () => {
    const ports = await portsFor();
    const livekit = await startEmbeddedLivekit({
      bin,
      dataDir,
      ...ports,
      apiKey,
      apiSecret,
      logger: collectingLogger().logger,
    });
    try {
      const rooms = new RoomServiceClient(
        livekit.url.replace('ws', 'http'),
        apiKey,
        'x'.repeat(43),
      );
      await expect(rooms.listRooms()).rejects.toThrow();
    } finally {
      await livekit.stop();
    }
  }, 60_000);

  it('refuses to start when its API port is taken by another process', async () => {
    const ports = await portsFor();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) =>
      squatter.listen({ host: LOOPBACK, port: ports.port }, resolve),
    );
    try {
      await expect(
        startEmbeddedLivekit({
          bin,
          dataDir,
          ...ports,
          apiKey,
          apiSecret,
          logger: collectingLogger().logger,
        }),
      ).rejects.toThrow(`TCP ${LOOPBACK}:${ports.port} (LiveKit API) is already in use`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);
});

async function canListen(host: string | undefined, port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ host, port }, () => server.close(() => resolve(true)));
  });
}

async function canBindUdp(port: number): Promise<boolean> {
  const socket = createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', () => resolve(false));
    socket.bind({ address: LOOPBACK, port }, () => socket.close(() => resolve(true)));
  });
}
