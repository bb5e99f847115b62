import { z } from 'zod';
import { Role } from '../access/schemas.ts';

/** One person's presence; display names only. Several tabs of a person count once. */
export const PresencePerson = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  online: z.boolean(),
  /** The room the person is in while online; the last one when offline. */
  roomId: z.uuid().nullable(),
  lastSeenAt: z.string().nullable(),
  /**
   * Whether the person may publish (speak, show camera) in `roomId` right now: by role, by room
   * kind, or because a moderator promoted them. Moderation menus offer promote or demote by it.
   */
  canPublish: z.boolean(),
  /**
   * The right comes from a moderator's promotion (demoting takes it back); false for those who
   * publish by their role or because everyone speaks in a working group.
   */
  promoted: z.boolean(),
  /** The person's role in the event, for the people list; in full lists, not in every update. */
  role: Role.optional(),
});
export type PresencePerson = z.infer<typeof PresencePerson>;

/**
 * `everyone` (the default): the whole list, and from now on every change to it (the people list,
 * the consoles). `featured`: only those whose changes reach everyone (`presence.toEveryone`), and
 * no attendee's changes any more: what the stage needs while the people list is not shown.
 */
export const PresenceListInput = z
  .object({ people: z.enum(['everyone', 'featured']).default('everyone') })
  .strict();

export const PresenceList = z.object({
  people: z.array(PresencePerson),
  /** Online people per room id. */
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type PresenceList = z.infer<typeof PresenceList>;

/** Changes since the last update, batched by the server (at most a few per second). */
export const PresenceUpdate = z.object({ people: z.array(PresencePerson) });
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;
