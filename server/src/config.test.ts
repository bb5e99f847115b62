import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('starts with no configuration at all, on port 3000 with the embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.livekit.url).toBeUndefined();
    expect(config.dataDir).toBe('.data');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('names every wrong value on its own line', () => {
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        SESSION_SECRET: 'short',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a URL starting with postgres:/);
      expect(problems.join('\n')).toMatch(/SESSION_SECRET: must be at least 32 characters/);
      expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires LiveKit keys together with an external LiveKit URL', () => {
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://lk.example.org' })).toThrow(
      /LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required/,
    );
  });

  it('the server refuses to start on a wrong value and exits with code 1', () => {
    const result = spawnSync('npx', ['tsx', 'server/src/server.ts'], {
      env: { ...process.env, PORT: '99999', REDIS_URL: 'http://nope' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration/);
    expect(result.stderr).toMatch(/- PORT:/);
    expect(result.stderr).toMatch(/- REDIS_URL: must be a URL starting with redis:/);
  });
});
