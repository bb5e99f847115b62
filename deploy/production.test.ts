import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import rootPackage from '../package.json' with { type: 'json' };

const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'));
const dockerignore = readFileSync(new URL('../.dockerignore', import.meta.url), 'utf8');

/** The instructions of the image's last stage (the one that runs). */
const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('the production image', () => {
  it('builds on Node 24 LTS and runs the compiled server with plain node, no tsx', () => {
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual([
      'node:24-bookworm-slim',
      'node:24-bookworm-slim',
    ]);
    expect(runStage).toMatch(
      /^CMD \["node", "--enable-source-maps", "server\/dist\/server.js"\]$/m,
    );
    expect(runStage).not.toMatch(/tsx/);
    expect(runStage).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/RUN npm run build$/m);
    expect(rootPackage.scripts.build).toContain('build:server');
  });

  it('runs as the unprivileged node user, writing only to its data directory', () => {
    expect(runStage).toMatch(/^USER node$/m);
    expect(runStage).toMatch(/PLENUM_DATA_DIR=\/data/);
    expect(runStage).toMatch(/chown node:node \/data/);
  });

  it('keeps the build context free of local builds, binaries and secrets', () => {
    for (const entry of ['node_modules', '.env', '.cache', 'server/dist', '.data']) {
      expect(dockerignore.split('\n')).toContain(entry);
    }
  });

  it('says which Node majors are supported: the dev machine’s 20 and the image’s 24', () => {
    expect(rootPackage.engines.node).toBe('^20.19.0 || ^24.0.0');
  });
});

describe('the app in docker compose', () => {
  const app = compose.services.app;

  it('has a read-only filesystem except /tmp and the data volume', () => {
    expect(app.read_only).toBe(true);
    expect(app.tmpfs).toEqual(['/tmp']);
    expect(app.volumes).toEqual(['appdata:/data']);
    expect(app.environment.PLENUM_DATA_DIR).toBe('/data');
    expect(compose.volumes).toHaveProperty('appdata');
  });

  it('is healthy when ready, drains on stop, and serves metrics on their own port', () => {
    expect(app.healthcheck.test.join(' ')).toContain('/api/health/ready');
    expect(app.environment.DRAIN_DELAY_MS).toBe('${DRAIN_DELAY_MS:-5000}');
    expect(app.environment.METRICS_PORT).toBe('${METRICS_PORT:-9464}');
    // Drain delay plus the 10 s the close may take, before Docker sends SIGKILL.
    expect(parseInt(app.stop_grace_period, 10)).toBeGreaterThanOrEqual(5 + 10);
    // The metrics port is for Prometheus inside the network, never published.
    expect(app.ports).toEqual(['3000:3000']);
  });
});
