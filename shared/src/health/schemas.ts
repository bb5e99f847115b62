import { z } from 'zod';

export const Health = z.object({
  ok: z.boolean(),
  db: z.enum(['up', 'down']),
  livekit: z.enum(['up', 'down']),
  redis: z.enum(['up', 'off', 'down']),
});
export type Health = z.infer<typeof Health>;
