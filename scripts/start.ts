/**
 * `npm start`: the whole platform on one machine with no configuration. Builds the client when
 * needed, gets a LiveKit binary (building it once with Go), starts the server with embedded
 * Postgres and LiveKit, creates the demo forum and prints one invitation link per role.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLivekitBinary, LivekitBinaryError } from './ensure-livekit.ts';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import { closeOnSignals, startServer } from '../server/src/runtime.ts';
import { demoInvitationLinks } from '../server/src/features/demo/invitation-links.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildClientIfNeeded() {
  const dist = path.join(root, 'client/dist/index.html');
  const sources = [path.join(root, 'client/src'), path.join(root, 'shared/src')];
  if (existsSync(dist) && statSync(dist).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log('Building the web client…');
  const result = spawnSync('npm', ['run', 'build', '-w', 'client'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The client build failed (see above).');
}

try {
  const config = loadConfig();
  buildClientIfNeeded();
  if (!config.livekit.url && !config.livekit.bin) {
    process.env.LIVEKIT_BIN = await ensureLivekitBinary({ log: (line) => console.log(line) });
  }
  const server = await startServer(loadConfig());
  closeOnSignals(server);

  const demo = await demoInvitationLinks(server.app.db, config.publicUrl, 'npm start');
  if (demo.created) console.log(`Demo event created: ${demo.slug}`);
  console.log(`
Plenum is running on ${config.publicUrl}
LiveKit: ${server.app.livekit.url}   Database: ${server.app.database.driver === 'pg' ? 'Postgres' : `embedded (PGlite, ${config.dataDir})`}

${demo.text}

Press Ctrl-C to stop.`);
} catch (err) {
  if (err instanceof ConfigError || err instanceof LivekitBinaryError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
}
