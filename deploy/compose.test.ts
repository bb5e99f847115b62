import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'));
const livekit = parse(readFileSync(new URL('./livekit.yaml', import.meta.url), 'utf8'));

describe('docker compose', () => {
  it('runs Postgres 16, Redis 7, LiveKit v1.13.5 and the app built from the Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'livekit', 'postgres', 'redis']);
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
    const appKey = /:-([^}]+)}/.exec(compose.services.app.environment.LIVEKIT_API_KEY)![1]!;
    const appSecret = /:-([^}]+)}/.exec(compose.services.app.environment.LIVEKIT_API_SECRET)![1]!;
    expect(livekit.keys[appKey]).toBe(appSecret);
    expect(livekit.room.auto_create).toBe(false);
    expect(livekit.webhook.urls).toEqual(['http://app:3000/api/livekit/webhook']);
    expect(livekit.rtc.use_external_ip).toBe(false);
  });
});
