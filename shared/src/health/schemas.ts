import { z } from 'zod';

export const Health = z.object({
  ok: z.boolean(),
  db: z.enum(['up', 'down']),
  livekit: z.enum(['up', 'down']),
  redis: z.enum(['up', 'off', 'down']),
});
export type Health = z.infer<typeof Health>;

/** `GET /api/health/live`: the process is up and its event loop answers. Nothing else is asked. */
export const Liveness = z.object({ ok: z.literal(true) });
export type Liveness = z.infer<typeof Liveness>;

/**
 * `GET /api/health/ready`: whether a balancer should send this node new people. Not ready while
 * the database is away or the node drains before stopping (SIGTERM).
 */
export const Readiness = z.object({
  ready: z.boolean(),
  db: z.enum(['up', 'down']),
  draining: z.boolean(),
});
export type Readiness = z.infer<typeof Readiness>;
