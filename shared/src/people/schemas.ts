import { z } from 'zod';
import { Role } from '../access/roles.ts';

/** Display names are all a person must give; control characters are refused. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'a display name is required')
  .max(80, 'at most 80 characters')
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'no control characters');

export const Person = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

export const Me = z.object({
  person: Person,
  memberships: z.array(
    z.object({ eventId: z.uuid(), slug: z.string(), title: z.string(), role: Role }),
  ),
});
export type Me = z.infer<typeof Me>;
