import { z } from 'zod';
import { Role } from '../access/schemas.ts';
import { eventLimits as limits } from '../limits/limits.ts';
import { isTimeZone } from '../time/zoned-time.ts';

export const Slug = z
  .string()
  .min(limits.slug.min)
  .max(limits.slug.max)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');

export const TimeZone = z
  .string()
  .max(limits.timeZoneMax)
  .refine(isTimeZone, 'unknown IANA time zone');

export const EventInput = z
  .object({
    slug: Slug,
    title: z.string().trim().min(1).max(limits.titleMax),
    description: z.string().max(limits.descriptionMax).default(''),
    timeZone: TimeZone.default('Europe/Berlin'),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .refine((e) => new Date(e.endsAt) > new Date(e.startsAt), {
    message: 'the event must end after it starts',
    path: ['endsAt'],
  });
export type EventInput = z.infer<typeof EventInput>;

export const EventPatch = z
  .object({
    title: z.string().trim().min(1).max(limits.titleMax),
    description: z.string().max(limits.descriptionMax),
    timeZone: TimeZone,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .partial()
  .strict();
export type EventPatch = z.infer<typeof EventPatch>;

export const Event = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  timeZone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type Event = z.infer<typeof Event>;

export const EventSlugParams = z.object({ slug: Slug });

export const MyEvent = Event.extend({ role: Role });
