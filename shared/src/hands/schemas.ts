import { z } from 'zod';
import { PersonRef } from '../chat/schemas.ts';
import { handStatuses } from '../vocab/vocab.ts';

export const HandStatus = z.enum(handStatuses);
export type HandStatus = z.infer<typeof HandStatus>;

export const HandId = z.number().int().positive();

export const Hand = z.object({
  id: HandId,
  roomId: z.uuid(),
  person: PersonRef,
  status: HandStatus,
  raisedAt: z.string(),
});
export type Hand = z.infer<typeof Hand>;

/** raise, lower, list and take-next all name the room; the server checks the person may be in it. */
export const HandRoomInput = z.object({ roomId: z.uuid() }).strict();
export const HandDismissInput = z.object({ handId: HandId }).strict();

/** The queue of a room: raised hands, oldest first. */
export const HandQueue = z.object({ hands: z.array(Hand) });
export type HandQueue = z.infer<typeof HandQueue>;
