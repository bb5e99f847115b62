import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health, Liveness, Readiness } from '@plenum/shared';

export interface HealthProbes {
  db(): Promise<boolean>;
  livekit(): Promise<boolean>;
  /** undefined when Redis is not configured. */
  redis: (() => Promise<boolean>) | undefined;
}

export async function checkHealth(probes: HealthProbes): Promise<Health> {
  const [db, livekit, redis] = await Promise.all([
    probes.db(),
    probes.livekit(),
    probes.redis ? probes.redis() : Promise.resolve(null),
  ]);
  return {
    ok: db,
    db: db ? 'up' : 'down',
    livekit: livekit ? 'up' : 'down',
    redis: redis === null ? 'off' : redis ? 'up' : 'down',
  };
}

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const health = await checkHealth({
        db: () => app.database.ping(),
        livekit: () => app.livekit.ping(),
        redis: app.redis ? () => app.redis!.ping() : undefined,
      });
      return reply.status(health.ok ? 200 : 503).send(health);
    },
  );

  // For balancers and orchestrators: liveness restarts a hung process, readiness routes people.
  app.get(
    '/api/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up (asks nothing else)',
        response: { 200: Liveness },
      },
    },
    async () => ({ ok: true as const }),
  );

  app.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: database up and not draining → 200, else 503',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const draining = app.drain.draining;
      const db = await app.database.ping();
      const ready = db && !draining;
      return reply
        .status(ready ? 200 : 503)
        .send({ ready, db: db ? 'up' : 'down', draining } satisfies Readiness);
    },
  );
};
export default healthRoutes;
