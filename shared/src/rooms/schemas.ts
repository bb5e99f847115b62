import { z } from 'zod';
import { roomLimits as limits } from '../limits/limits.ts';
import { moderatorActions, roomKinds } from '../vocab/vocab.ts';

export const RoomKind = z.enum(roomKinds);
export type RoomKind = z.infer<typeof RoomKind>;

export const Room = z.object({
  id: z.uuid(),
  kind: RoomKind,
  name: z.string(),
  description: z.string(),
  capacity: z.number().nullable(),
  moderatorIds: z.array(z.uuid()),
});
export type Room = z.infer<typeof Room>;

export const WorkingGroupInput = z.object({
  name: z.string().trim().min(1).max(limits.nameMax),
  description: z.string().max(limits.descriptionMax).default(''),
  capacity: z
    .number()
    .int()
    .min(limits.capacity.min)
    .max(limits.capacity.max)
    .nullable()
    .default(null),
  moderatorIds: z.array(z.uuid()).max(limits.moderatorsMax).default([]),
});
export type WorkingGroupInput = z.infer<typeof WorkingGroupInput>;

export const WorkingGroupPatch = z
  .object({
    name: z.string().trim().min(1).max(limits.nameMax),
    description: z.string().max(limits.descriptionMax),
    capacity: z.number().int().min(limits.capacity.min).max(limits.capacity.max).nullable(),
    moderatorIds: z.array(z.uuid()).max(limits.moderatorsMax),
  })
  .partial()
  .strict();
export type WorkingGroupPatch = z.infer<typeof WorkingGroupPatch>;

export const RoomParams = z.object({ slug: z.string().max(64), roomId: z.uuid() });

export const RoomIdParams = z.object({ roomId: z.uuid() });

export const RoomToken = z.object({
  /** LiveKit URL the browser connects to. */
  url: z.string(),
  token: z.string(),
  room: z.object({ id: z.uuid(), name: z.string(), kind: RoomKind }),
  rights: z.object({ canPublish: z.boolean(), canSubscribe: z.boolean() }),
});
export type RoomToken = z.infer<typeof RoomToken>;

export const ModeratorAction = z.enum(moderatorActions);
export type ModeratorAction = z.infer<typeof ModeratorAction>;

export const ParticipantActionParams = z.object({
  roomId: z.uuid(),
  personId: z.uuid(),
  action: ModeratorAction,
});

/** Optional body of a moderator action; `source` says which track `mute` silences (microphone). */
export const ModerationInput = z
  .object({ source: z.enum(['microphone', 'camera', 'screen_share']).optional() })
  .strict()
  .nullish();
