import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from '../../server/src/config.ts';
import { composeEnv } from '../../server/src/cli/init-secrets.ts';

/**
 * The `scale` profile of docker-compose.yml, read as compose would (no Docker compose client on
 * the test machine): two app nodes, two LiveKit nodes in multi-node mode, Caddy in front.
 * npm run test:scale runs the same Caddyfile and LiveKit settings as processes.
 */
const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const compose = parse(read('../../docker-compose.yml'));
const livekit = parse(read('./livekit.yaml'));
const caddyfile = read('./Caddyfile');
const services = compose.services as Record<string, Record<string, unknown>>;
const env = (name: string) => services[name]!.environment as Record<string, string>;

const secrets = Object.fromEntries(
  composeEnv()
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}. */
const interpolate = (value: string) =>
  value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    if (secrets[name]) return secrets[name];
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return op === '-' ? arg! : '';
  });

describe('docker compose --profile scale', () => {
  it('adds two app nodes, two LiveKit nodes and the balancer, all in the scale profile', () => {
    const scale = Object.keys(services).filter((name) =>
      (services[name]!.profiles as string[] | undefined)?.includes('scale'),
    );
    expect(scale.sort()).toEqual(['app-1', 'app-2', 'balancer', 'livekit-1', 'livekit-2']);
    expect(services.balancer!.image).toBe('caddy:2');
    for (const name of ['livekit-1', 'livekit-2'])
      expect(services[name]!.image).toBe(services.livekit!.image);
    // `up balancer` brings everything it needs, and nothing of the single-node setup.
    expect(services.balancer!.depends_on).toEqual(['app-1', 'app-2', 'livekit-1', 'livekit-2']);
  });

  it('gives both app nodes the same database, Redis, session secret and LiveKit keys', () => {
    const [one, two] = [env('app-1'), env('app-2')];
    for (const name of [
      'DATABASE_URL',
      'REDIS_URL',
      'SESSION_SECRET',
      'LIVEKIT_API_KEY',
      'LIVEKIT_API_SECRET',
      'LIVEKIT_URL',
      'PUBLIC_URL',
    ])
      expect(two[name], name).toBe(one[name]);
    expect(one.LIVEKIT_API_URL).toBe('http://livekit-1:7880');
    expect(two.LIVEKIT_API_URL).toBe('http://livekit-2:7880');
    for (const name of ['app-1', 'app-2']) {
      const config = loadConfig(
        Object.fromEntries(Object.entries(env(name)).map(([k, v]) => [k, interpolate(String(v))])),
      );
      expect(config.env).toBe('production');
      expect(config.publicUrl).toBe('https://localhost');
      expect(config.livekit.url).toBe('wss://livekit.localhost');
    }
  });

  it('runs LiveKit in multi-node mode through the compose Redis, one UDP port per node', () => {
    expect(livekit.redis.address).toBe('redis:6379');
    expect(livekit.room.auto_create).toBe(false);
    expect(livekit.rtc.use_external_ip).toBe(false);
    expect(livekit.keys).toBeUndefined();
    expect(livekit.webhook).toEqual({
      api_key: env('app-1').LIVEKIT_API_KEY,
      urls: ['http://balancer:8080/api/livekit/webhook'],
    });
    const ports = ['livekit-1', 'livekit-2'].map((name) => env(name).UDP_PORT);
    expect(new Set(ports).size).toBe(2);
    for (const name of ['livekit-1', 'livekit-2']) {
      expect(services[name]!.ports).toEqual([`${env(name).UDP_PORT}:${env(name).UDP_PORT}/udp`]);
      expect(env(name).LIVEKIT_KEYS).toBe(env('livekit').LIVEKIT_KEYS);
    }
  });

  it('balances on readiness with sticky sessions, and terminates TLS for both sites', () => {
    expect(caddyfile).toMatch(/health_uri \/api\/health\/ready/);
    expect(caddyfile).toMatch(/lb_policy cookie/);
    const balancer = env('balancer');
    expect(balancer.PLENUM_UPSTREAMS).toBe('app-1:3000 app-2:3000');
    expect(balancer.LIVEKIT_UPSTREAMS).toBe('livekit-1:7880 livekit-2:7880');
    // Every {$VAR} of the Caddyfile is set by compose or has a default.
    for (const [, name, fallback] of caddyfile.matchAll(/\{\$(\w+)(:[^}]*)?\}/g))
      expect(balancer[name!] !== undefined || fallback !== undefined, name).toBe(true);
    expect(services.balancer!.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    expect(services.balancer!.volumes).toContain(
      './deploy/scale/Caddyfile:/etc/caddy/Caddyfile:ro',
    );
  });
});
