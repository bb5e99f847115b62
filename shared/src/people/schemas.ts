import { z } from 'zod';
import { Role } from '../access/schemas.ts';
import { personLimits } from '../limits/limits.ts';
import { namePattern } from '../rules/rules.ts';

/** Display names are all a person must give; control characters are refused. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'a display name is required')
  .max(personLimits.displayNameMax, `at most ${personLimits.displayNameMax} characters`)
  .regex(namePattern, 'no control characters');

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
