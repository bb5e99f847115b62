import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';

const dir = mkdtempSync(join(tmpdir(), 'plenum-init-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const initSecrets = (out: string) =>
  spawnSync('npm', ['run', '--silent', 'plenum', '--', 'init-secrets', '--out', out], {
    encoding: 'utf8',
    timeout: 60_000,
  });

// Each test starts the CLI (npm, then tsx) twice; on a loaded machine one start took over 15 s.
const twoRuns = 150_000;

const valueOf = (text: string, name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(text)?.[1];

describe('npm run plenum -- init-secrets', () => {
  it(
    'writes an .env with fresh secrets that production accepts, readable only by its owner',
    { timeout: twoRuns },
    () => {
      const first = join(dir, 'first.env');
      const second = join(dir, 'second.env');
      const run = initSecrets(first);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(first);
      expect(initSecrets(second).status).toBe(0);
      const text = readFileSync(first, 'utf8');
      expect(statSync(first).mode & 0o777).toBe(0o600);
      const config = loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: valueOf(text, 'SESSION_SECRET'),
        LIVEKIT_URL: 'wss://lk.example.org',
        LIVEKIT_API_KEY: 'plenum',
        LIVEKIT_API_SECRET: valueOf(text, 'LIVEKIT_API_SECRET'),
      });
      expect(config.sessionSecret).toHaveLength(43);
      expect(valueOf(text, 'POSTGRES_PASSWORD')).toMatch(/^[\w-]{32,}$/);
      // Each run draws new secrets.
      const again = readFileSync(second, 'utf8');
      for (const name of ['SESSION_SECRET', 'LIVEKIT_API_SECRET', 'POSTGRES_PASSWORD']) {
        expect(valueOf(again, name)).not.toBe(valueOf(text, name));
      }
    },
  );

  it(
    'never overwrites an existing .env (the database keeps its first password)',
    { timeout: twoRuns },
    () => {
      const file = join(dir, 'kept.env');
      expect(initSecrets(file).status).toBe(0);
      const before = readFileSync(file, 'utf8');
      const run = initSecrets(file);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/exists already/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    },
  );
});
