import type { TestProject } from 'vitest/node';
import { ensureLivekitBinary } from '../features/livekit/binary.ts';
import { startEmbeddedLivekit, type EmbeddedLivekit } from '../features/livekit/process.ts';
import { freePort } from './ports.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: { url: string; apiKey: string; apiSecret: string };
  }
}

/**
 * One real LiveKit server for the whole run, on free loopback ports. Test files share it and
 * keep apart by using their own rooms.
 */
let livekit: EmbeddedLivekit | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  const bin = await ensureLivekitBinary({ log: (line) => console.log(line) });
  dir = mkdtempSync(path.join(tmpdir(), 'plenum-livekit-'));
  const apiKey = 'plenumtest';
  const apiSecret = 'plenum-test-secret-plenum-test-secret-0123456789';
  livekit = await startEmbeddedLivekit({
    bin,
    dataDir: dir,
    port: await freePort(),
    rtcPort: 0, // ICE/TCP would listen on every interface; loopback UDP is enough
    udpPort: await freePort(),
    apiKey,
    apiSecret,
    logger: { info: () => {}, warn: () => {}, error: console.error, debug: () => {} },
  });
  project.provide('livekit', { url: livekit.url, apiKey, apiSecret });
}

export async function teardown() {
  await livekit?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
