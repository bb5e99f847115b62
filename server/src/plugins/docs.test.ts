import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/socket-world.ts';

const t = useTestApp();

describe('OpenAPI', () => {
  it('lists every API route the server has', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(spec.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    // Compare against fastify's own route table, not a list kept by hand.
    const actual = t.app.routeTable
      .filter((r) => /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(r) && !r.includes('/api/docs'))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(actual.length).toBeGreaterThanOrEqual(10);
    for (const route of actual) expect(documented, route).toContain(route);
  });

  it('serves the docs UI at /api/docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});
