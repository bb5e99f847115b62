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

/**
 * A link the event shows to everyone (its privacy notice, its imprint): https only, and no user
 * name or password in it, which every visitor would see.
 */
export const HttpsLink = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'an https:// address' })
  .max(limits.linkMax)
  // Runs after a failed url check too: an address that does not parse is left to that check.
  .refine((url) => {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    return !parsed || (parsed.username === '' && parsed.password === '');
  }, 'no user name or password in the address');

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
    /** The event's privacy notice; null falls back to the instance's (PRIVACY_URL). */
    privacyUrl: HttpsLink.nullable(),
    /** The event's imprint; null falls back to the instance's (IMPRINT_URL). */
    imprintUrl: HttpsLink.nullable(),
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
  /** Shown in the footer of the event's pages and on its join page, before the instance's. */
  privacyUrl: z.string().nullable(),
  imprintUrl: z.string().nullable(),
});
export type Event = z.infer<typeof Event>;

export const EventSlugParams = z.object({ slug: Slug });

export const MyEvent = Event.extend({ role: Role });
