import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { events } from '../../server/src/db/schema/index.ts';
import { ensureDemoEvent, DEMO_SLUG } from '../../server/src/features/demo/seed.ts';
import { createInvitation } from '../../server/src/features/invitations/service.ts';
import { startServer, type RunningServer } from '../../server/src/runtime.ts';
import { createTestDatabase } from '../../server/src/test/database.ts';
import { freePort } from '../../server/src/test/ports.ts';
import type { Role } from '@plenum/shared';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The browser test needs the real bundle: build it when any client or shared source is newer. */
export function buildClientIfStale(): void {
  let built = 0;
  try {
    built = statSync(path.join(root, 'client/dist/index.html')).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared/src')),
  );
  if (sources <= built) return;
  execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'pipe' });
}

export interface E2eServer {
  url: string;
  livekitUrl: string;
  slug: string;
  running: RunningServer;
  invite(role: Role): Promise<string>;
  close(): Promise<void>;
}

/** The real server in this process: a fresh database, the run's LiveKit, the demo forum. */
export async function startE2eServer(
  /** More configuration, e.g. OPERATOR_NAME, PRIVACY_URL, IMPRINT_URL. */
  env: Record<string, string> = {},
): Promise<E2eServer> {
  const livekit = inject('livekit');
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenum-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    DATABASE_URL: database.url,
    PUBLIC_URL: url,
    HOST: '127.0.0.1',
    PORT: String(port),
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    SESSION_SECRET: 'e2e-session-secret-e2e-session-secret-0123456789',
    PLENUM_DATA_DIR: dataDir,
    ...env,
  });
  const running = await startServer(config);
  // Working groups a few hours from now: the demo agenda is laid out around today.
  await ensureDemoEvent(running.app.db, new Date());
  const [event] = await running.app.db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.slug, DEMO_SLUG));
  const eventId = event!.id;
  return {
    url,
    livekitUrl: livekit.url,
    slug: DEMO_SLUG,
    running,
    async invite(role) {
      const { token } = await createInvitation(
        running.app.db,
        eventId,
        { role, label: `e2e ${role}`, maxUses: null, expiresAt: null },
        null,
      );
      return `${url}/join/${token}`;
    },
    async close() {
      await running.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
