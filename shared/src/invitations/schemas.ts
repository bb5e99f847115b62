import { z } from 'zod';
import { Role } from '../access/schemas.ts';
import { invitationLimits as limits, personLimits } from '../limits/limits.ts';
import { DisplayName } from '../people/schemas.ts';

/** Invitation tokens are 128 random bits, base64url: 22 characters. */
export const InvitationToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, 'malformed invitation token');
export const InvitationTokenParams = z.object({ token: InvitationToken });

/** Durations like 30m, 12h, 7d. */
export const Duration = z.string().regex(/^\d{1,4}[mhd]$/, 'a duration like 30m, 12h or 7d');

export const InvitationInput = z.object({
  role: Role,
  label: z.string().trim().max(limits.labelMax).default(''),
  maxUses: z
    .number()
    .int()
    .min(limits.maxUses.min)
    .max(limits.maxUses.max)
    .nullable()
    .default(null),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type InvitationInput = z.infer<typeof InvitationInput>;

export const Invitation = z.object({
  id: z.uuid(),
  role: Role,
  label: z.string(),
  maxUses: z.number().nullable(),
  uses: z.number(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** Only at creation is the token (and so the link) known; the database keeps its hash. */
export const CreatedInvitation = Invitation.extend({ token: z.string(), link: z.string() });

export const InvitationPreview = z.object({
  event: z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    /** The display names of the event's organizers: who invites. */
    organizers: z.array(z.string()),
    /** The event's own privacy notice and imprint, which win over the instance's. */
    privacyUrl: z.string().nullable(),
    imprintUrl: z.string().nullable(),
  }),
  role: Role,
});

/** Who runs this instance, and where its privacy notice and imprint are (every page's footer). */
export const OperatorInfo = z.object({
  name: z.string().nullable(),
  privacyUrl: z.string().nullable(),
  imprintUrl: z.string().nullable(),
});
export type OperatorInfo = z.infer<typeof OperatorInfo>;

export const RedeemInput = z.object({
  displayName: DisplayName,
  email: z.email().max(personLimits.emailMax).nullable().optional(),
});
export type RedeemInput = z.infer<typeof RedeemInput>;
