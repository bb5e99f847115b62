import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/src/test/ports.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The environment of a developer's shell: none of the test run's own settings. */
function developerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(NODE_ENV|DATABASE_URL|REDIS_URL|PUBLIC_URL|SESSION_SECRET|HOST|PORT|DEV_PORT)$/.test(
          key,
        ) &&
        !/^LIVEKIT_(?!BIN$)/.test(key) &&
        !/^(VITEST|TEST)/.test(key),
    ),
  );
  return { ...env, ...extra };
}

function tcpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind({ port, address: '127.0.0.1', exclusive: true }, () =>
      socket.close(() => resolve(true)),
    );
  });
}

function waitForOutput(child: ChildProcess, output: string[], text: string, ms: number) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`"${text}" did not appear within ${ms} ms:\n${output.join('')}`)),
      ms,
    );
    const check = () => {
      if (output.join('').includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev exited with ${code}:\n${output.join('')}`));
    });
    check();
  });
}

/** The watched server restarts whenever a file under server/ changes (as others edit): retry. */
async function acrossRestarts<T>(attempt: () => Promise<T>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe('npm run dev', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenum-dev-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the client with hot reload, proxies the API and Socket.IO to the server, and Ctrl-C stops all of it', async () => {
    const [port, devPort, livekitPort, udpPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const devUrl = `http://localhost:${devPort}`;
    const output: string[] = [];
    const dev = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/dev.ts'],
      {
        cwd: root,
        env: developerEnv({
          PLENUM_DATA_DIR: dataDir,
          PORT: String(port),
          DEV_PORT: String(devPort),
          LIVEKIT_PORT: String(livekitPort),
          LIVEKIT_UDP_PORT: String(udpPort),
          LOG_LEVEL: 'warn',
        }),
        // Its own process group, as a terminal's foreground job is: Ctrl-C signals the group.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    dev.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      dev.once('exit', (code) => resolve(code)),
    );

    try {
      await waitForOutput(dev, output, 'Press Ctrl-C to stop.', 110_000);

      const page = await fetch(`${devUrl}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/@vite/client'); // Vite's dev page, with hot reload

      await acrossRestarts(async () => {
        const health = await fetch(`${devUrl}/api/health`);
        expect(await health.json()).toMatchObject({ ok: true, db: 'up', livekit: 'up' });
      });

      // An invitation link as printed leads in through the proxy; the cookie carries the socket.
      const link = output.join('').match(/attendee\s+(\S+\/join\/(\S+))/);
      expect(link?.[1]).toContain(`${devUrl}/join/`);
      const { slug, cookie } = await acrossRestarts(async () => {
        const redeemed = await fetch(`${devUrl}/api/invitations/${link![2]}/redeem`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: devUrl },
          body: JSON.stringify({ displayName: 'Dev Loop' }),
        });
        expect(redeemed.status).toBe(200);
        const { event } = (await redeemed.json()) as { event: { slug: string } };
        const cookies = redeemed.headers.getSetCookie().map((c) => c.split(';')[0]);
        return { slug: event.slug, cookie: cookies.join('; ') };
      });
      await acrossRestarts(async () => {
        const socket = io(devUrl, {
          transports: ['websocket'],
          reconnection: false,
          auth: { event: slug },
          extraHeaders: { cookie, origin: devUrl },
        });
        try {
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', resolve);
            socket.once('connect_error', reject);
          });
        } finally {
          socket.close();
        }
      });
    } finally {
      if (dev.exitCode === null) process.kill(-dev.pid!, 'SIGINT');
    }
    expect(await exited).toBe(0);
    for (const p of [devPort, port, livekitPort]) expect(await tcpPortFree(p)).toBe(true);
    expect(await udpPortFree(udpPort)).toBe(true);
  }, 150_000);
});
