import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignalResponse } from '@livekit/protocol';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { parse, stringify } from 'yaml';
import { ensureLivekitBinary } from '../../../../scripts/ensure-livekit.ts';
import { startEmbeddedLivekit } from './process.ts';

// What a LiveKit client (not only Plenum's page) is told to use for ICE: Plenum promises that no
// browser is sent to a third party's STUN server, and LiveKit fills in Google's and Twilio's.
const LOOPBACK = '127.0.0.1';
const apiKey = 'APIicetest';
const apiSecret = randomBytes(32).toString('base64url');
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: LOOPBACK, port: 0 }, resolve));
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

/** Joins a room over LiveKit's signalling socket and returns the ICE servers of its JoinResponse. */
async function iceServersOfJoin(port: number): Promise<string[]> {
  const http = `http://${LOOPBACK}:${port}`;
  await new RoomServiceClient(http, apiKey, apiSecret).createRoom({ name: 'plenary' });
  const token = new AccessToken(apiKey, apiSecret, { identity: 'ice-probe', ttl: 60 });
  token.addGrant({ room: 'plenary', roomJoin: true });
  const url = `ws://${LOOPBACK}:${port}/rtc?access_token=${await token.toJwt()}&protocol=15&sdk=js`;
  const socket = new WebSocket(url);
  try {
    const join = await new Promise<SignalResponse>((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        const response = SignalResponse.fromBinary(new Uint8Array(data));
        if (response.message.case === 'join') resolve(response);
      });
      socket.on('error', reject);
      socket.on('close', (code) => reject(new Error(`signalling closed (${code})`)));
    });
    if (join.message.case !== 'join') throw new Error('no join');
    return join.message.value.iceServers.flatMap((s) => s.urls);
  } finally {
    socket.close();
  }
}

const thirdParty = /google|twilio|cloudflare|stun\.[a-z]/i;

describe('ICE servers LiveKit hands to clients', () => {
  let bin: string;
  let dataDir: string;

  beforeAll(async () => {
    bin = await ensureLivekitBinary({ allowBuild: process.env.CI !== 'true' });
    dataDir = await mkdtemp(join(tmpdir(), 'plenum-ice-'));
  }, 15 * 60_000);
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the embedded LiveKit names no public STUN server in its join response', async () => {
    const port = await freeTcpPort();
    const livekit = await startEmbeddedLivekit({
      bin,
      dataDir,
      port,
      rtcPort: 0,
      udpPort: await freeUdpPort(),
      apiKey,
      apiSecret,
      logger: quiet,
    });
    try {
      const urls = await iceServersOfJoin(port);
      expect(urls.filter((u) => thirdParty.test(u))).toEqual([]);
      expect(urls.every((u) => u.startsWith(`stun:${LOOPBACK}:`))).toBe(true);
    } finally {
      await livekit.stop();
    }
  }, 60_000);

  it('neither does LiveKit under docker compose (deploy/livekit.yaml, key from LIVEKIT_KEYS)', async () => {
    const shipped = parse(
      readFileSync(new URL('../../../../deploy/livekit.yaml', import.meta.url), 'utf8'),
    );
    const port = await freeTcpPort();
    // The shipped file with this machine's free ports and no webhook receiver.
    const config = {
      ...shipped,
      port,
      bind_addresses: [LOOPBACK],
      rtc: { ...shipped.rtc, tcp_port: 0, udp_port: await freeUdpPort(), node_ip: LOOPBACK },
      webhook: undefined,
    };
    const child = spawn(bin, ['--config-body', stringify(config)], {
      env: { ...process.env, LIVEKIT_KEYS: `${apiKey}: ${apiSecret}` },
      stdio: 'ignore',
    });
    try {
      await vi.waitFor(
        () => fetch(`http://${LOOPBACK}:${port}/`).then((r) => r.ok || Promise.reject()),
        {
          timeout: 20_000,
          interval: 200,
        },
      );
      const urls = await iceServersOfJoin(port);
      expect(urls.filter((u) => thirdParty.test(u))).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
