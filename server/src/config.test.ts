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

  it('sizes the Postgres pool from DB_POOL_MAX, ten by default, and refuses a non-count', () => {
    expect(loadConfig({}).dbPoolMax).toBe(10);
    expect(loadConfig({ DB_POOL_MAX: '40' }).dbPoolMax).toBe(40);
    for (const wrong of ['0', '2.5', 'many', '501']) {
      expect(() => loadConfig({ DB_POOL_MAX: wrong })).toThrow(/DB_POOL_MAX/);
    }
  });

  it('listens on sixteen sockets by default, as many as LISTEN_SOCKETS says, and refuses a non-count', () => {
    expect(loadConfig({}).listenSockets).toBe(16);
    expect(loadConfig({ LISTEN_SOCKETS: '1' }).listenSockets).toBe(1);
    for (const wrong of ['0', '-2', '2.5', 'many', '65']) {
      expect(() => loadConfig({ LISTEN_SOCKETS: wrong })).toThrow(/LISTEN_SOCKETS/);
    }
  });

  it('requires LiveKit keys together with an external LiveKit URL', () => {
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://lk.example.org' })).toThrow(
      /LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required/,
    );
  });

  describe('secrets in production', () => {
    const production = {
      NODE_ENV: 'production',
      LIVEKIT_URL: 'wss://lk.example.org',
      LIVEKIT_API_KEY: 'plenum',
      SESSION_SECRET: 'Yq3vN8pX2rT7wK4mZ9sB6dF1hJ5lC0gA-_eUoRiQ',
      LIVEKIT_API_SECRET: 'p7Hk2Lm9Qw4Rt6Yz1Xc8Vb3Nn5Mj0Kd-Fs_Ga2Eh',
    };
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };

    it('accepts random secrets', () => {
      expect(problemsOf(production)).toEqual([]);
    });

    it.each([
      ['the value docker-compose.yml shipped', 'change-me-to-32-or-more-random-characters'],
      ['the value deploy/livekit.yaml shipped', 'change-me-change-me-change-me-change-me'],
      ['a change-me placeholder', 'please-CHANGE-ME-Yq3vN8pX2rT7wK4mZ9sB6'],
      ['one character repeated', 'x'.repeat(48)],
      ['a short pattern repeated', 'ab12'.repeat(12)],
      ['a run of the alphabet', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ])('refuses %s, with one line per secret', (_, weak) => {
      const problems = problemsOf({
        ...production,
        SESSION_SECRET: weak,
        LIVEKIT_API_SECRET: weak,
      });
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^SESSION_SECRET: .*init-secrets/);
      expect(problems[1]).toMatch(/^LIVEKIT_API_SECRET: .*init-secrets/);
      for (const line of problems) expect(line).not.toContain('\n');
    });

    it('refuses a secret that is too short', () => {
      expect(problemsOf({ ...production, SESSION_SECRET: 'Yq3vN8pX2rT7wK4m' })).toEqual([
        'SESSION_SECRET: must be at least 32 characters',
      ]);
    });

    it('lets development run with a placeholder', () => {
      const { NODE_ENV: _, ...development } = production;
      expect(
        problemsOf({ ...development, SESSION_SECRET: 'change-me-to-32-or-more-random-characters' }),
      ).toEqual([]);
    });
  });

  it('the LiveKit ICE/TCP and media ports follow LIVEKIT_PORT unless set', () => {
    expect(loadConfig({}).livekit).toMatchObject({ port: 7880, rtcPort: 7881, udpPort: 7882 });
    expect(loadConfig({ LIVEKIT_PORT: '7980' }).livekit).toMatchObject({
      port: 7980,
      rtcPort: 7981,
      udpPort: 7982,
    });
    expect(
      loadConfig({ LIVEKIT_PORT: '7980', LIVEKIT_RTC_PORT: '9001', LIVEKIT_UDP_PORT: '9002' })
        .livekit,
    ).toMatchObject({ port: 7980, rtcPort: 9001, udpPort: 9002 });
    expect(() => loadConfig({ LIVEKIT_PORT: '65535' })).toThrow(/LIVEKIT_PORT: above 65533/);
  });

  it('trusts no proxy unless TRUST_PROXY names a hop count or the proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12, ::1, loopback' }).trustProxy,
    ).toEqual(['10.0.0.1', '172.16.0.0/12', '::1', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: must be a hop count or addresses\/CIDR ranges separated by commas; not: true/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not: 10.0.0.0\/33/);
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
