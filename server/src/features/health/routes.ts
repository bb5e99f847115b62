import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '@plenum/shared';

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
};
export default healthRoutes;
