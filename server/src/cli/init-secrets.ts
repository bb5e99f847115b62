import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const fresh = () => randomBytes(32).toString('base64url');

/**
 * The `.env` docker compose reads: every secret it requires (`${VAR:?…}`), freshly drawn. Compose
 * refuses to start without them, and production refuses the placeholders we used to ship.
 */
export function composeEnv(): string {
  return [
    '# Secrets for docker compose, made by `npm run plenum -- init-secrets`. Keep this file private.',
    `SESSION_SECRET=${fresh()}`,
    `LIVEKIT_API_SECRET=${fresh()}`,
    // Postgres takes it only when its volume is first created; a new one later locks the app out.
    `POSTGRES_PASSWORD=${fresh()}`,
    '',
    '# Where people open Plenum and reach LiveKit, e.g. https://plenum.example.org and',
    '# wss://livekit.example.org (defaults: http://localhost:3000 and ws://localhost:7880).',
    '# PLENUM_PUBLIC_URL=',
    '# LIVEKIT_PUBLIC_URL=',
    '# Behind a reverse proxy: its address (or a hop count), so that limits count the client.',
    '# TRUST_PROXY=',
    '',
  ].join('\n');
}

/** Writes the file (mode 600) unless it exists: its Postgres password may already be in use. */
export function writeComposeEnv(file: string): string {
  try {
    writeFileSync(file, composeEnv(), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${file} exists already; it is kept as it is (delete it to start over).`, {
        cause: err,
      });
    }
    throw err;
  }
  return `Wrote ${file}. Start with: docker compose up --build`;
}
