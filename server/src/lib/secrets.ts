import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface GeneratedSecrets {
  sessionSecret: string;
  livekitApiKey: string;
  livekitApiSecret: string;
}

/**
 * Secrets that a zero-configuration start needs, generated once and kept under the data dir so
 * that sessions and the embedded LiveKit's keys survive a restart.
 */
export function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.resolve(dataDir, 'secrets.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<GeneratedSecrets>;
    if (stored.sessionSecret && stored.livekitApiKey && stored.livekitApiSecret) {
      return stored as GeneratedSecrets;
    }
  } catch {
    // missing or unreadable: generate below
  }
  const secrets: GeneratedSecrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    livekitApiKey: 'plenum' + randomBytes(6).toString('hex'),
    livekitApiSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
