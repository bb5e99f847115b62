import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from '../server/src/config.ts';
import { composeEnv } from '../server/src/cli/init-secrets.ts';

const composeText = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
const livekitText = readFileSync(new URL('./livekit.yaml', import.meta.url), 'utf8');
const compose = parse(composeText);
const livekit = parse(livekitText);

/** Compose's own interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, op?: string, arg?: string) => {
      if (env[name]) return env[name];
      if (op === '?') throw new Error(`${name}: ${arg}`);
      return op === '-' ? arg! : '';
    },
  );
}

function dotenv(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

describe('docker compose', () => {
  it('runs Postgres 16, Redis 7, LiveKit v1.13.5 and the app built from the Dockerfile', () => {
    // Without a profile; the `scale` profile's services: deploy/scale/compose-scale.test.ts.
    const single = Object.keys(compose.services).filter((name) => !compose.services[name].profiles);
    expect(single.sort()).toEqual(['app', 'livekit', 'postgres', 'redis']);
    expect(compose.services.postgres.image).toBe('postgres:16');
    expect(compose.services.redis.image).toBe('redis:7');
    expect(compose.services.livekit.image).toBe('livekit/livekit-server:v1.13.5');
    expect(compose.services.app.build).toBe('.');
  });

  it('wires the app to its services through environment variables', () => {
    const env = compose.services.app.environment;
    expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env.LIVEKIT_API_URL).toBe('http://livekit:7880');
    for (const name of [
      'LIVEKIT_URL',
      'LIVEKIT_API_KEY',
      'LIVEKIT_API_SECRET',
      'SESSION_SECRET',
      'PUBLIC_URL',
    ]) {
      expect(env).toHaveProperty(name);
    }
  });

  it('gives LiveKit the same key as the app, no auto-created rooms, and a webhook to the app', () => {
    const appEnv = compose.services.app.environment;
    expect(compose.services.livekit.environment.LIVEKIT_KEYS).toBe(
      `${appEnv.LIVEKIT_API_KEY}: ${appEnv.LIVEKIT_API_SECRET}`,
    );
    expect(livekit.webhook.api_key).toBe(appEnv.LIVEKIT_API_KEY);
    expect(livekit.room.auto_create).toBe(false);
    expect(livekit.webhook.urls).toEqual(['http://app:3000/api/livekit/webhook']);
    expect(livekit.rtc.use_external_ip).toBe(false);
  });

  it('ships no secret: nothing starts until init-secrets wrote them', () => {
    expect(livekit.keys).toBeUndefined();
    expect(composeText + livekitText).not.toMatch(/change-?me/i);
    const appEnv = compose.services.app.environment;
    expect(appEnv.SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?.*init-secrets.*\}$/);
    expect(appEnv.LIVEKIT_API_SECRET).toMatch(/^\$\{LIVEKIT_API_SECRET:\?.*init-secrets.*\}$/);
    expect(appEnv.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(
      /^\$\{POSTGRES_PASSWORD:\?/,
    );
    for (const name of ['SESSION_SECRET', 'LIVEKIT_API_SECRET', 'DATABASE_URL']) {
      expect(() => interpolate(appEnv[name], {})).toThrow(/init-secrets/);
    }
  });

  it('every LiveKit config names only a loopback STUN placeholder and holds no key', () => {
    for (const file of ['./livekit.yaml', './scale/livekit.yaml']) {
      const config = parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
      // Left empty, LiveKit's join response names Google's and Twilio's STUN servers.
      expect(config.rtc.stun_servers.length).toBeGreaterThan(0);
      for (const server of config.rtc.stun_servers) expect(server).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(config.keys).toBeUndefined();
    }
  });

  it('starts in production with what init-secrets writes', () => {
    const generated = dotenv(composeEnv());
    const required = new Set([...composeText.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]));
    expect([...required].sort()).toEqual(Object.keys(generated).sort());
    const appEnv: Record<string, string> = Object.fromEntries(
      Object.entries(compose.services.app.environment as Record<string, string>).map(
        ([name, value]) => [name, interpolate(String(value), generated)],
      ),
    );
    const config = loadConfig(appEnv);
    expect(config.env).toBe('production');
    expect(config.sessionSecret).toBe(generated.SESSION_SECRET);
    expect(config.livekit.apiSecret).toBe(generated.LIVEKIT_API_SECRET);
    expect(config.databaseUrl).toBe(
      `postgres://plenum:${generated.POSTGRES_PASSWORD}@postgres:5432/plenum`,
    );
  });
});
