import { z } from 'zod';

/** A moderator puts one person on everyone's main tile in a room, or gives the stage back (null). */
export const StageSpotlightInput = z
  .object({ roomId: z.uuid(), personId: z.uuid().nullable() })
  .strict();
export type StageSpotlightInput = z.infer<typeof StageSpotlightInput>;

/** What a (re)connecting client asks for: the room's stage as the database knows it. */
export const StageStateInput = z.object({ roomId: z.uuid() }).strict();
export type StageStateInput = z.infer<typeof StageStateInput>;

/** An organizer marks a member as sign-language interpreter: their tile stays beside the main one. */
export const StageInterpreterInput = z
  .object({ personId: z.uuid(), interpreter: z.boolean() })
  .strict();
export type StageInterpreterInput = z.infer<typeof StageInterpreterInput>;

export interface StageSpotlight {
  roomId: string;
  /** Who everyone in the room sees large; null: the stage chooses by itself. */
  personId: string | null;
}

export interface StageInterpreters {
  eventId: string;
  /** Every member of the event marked as sign-language interpreter. */
  interpreterIds: string[];
}

export interface StageState {
  roomId: string;
  spotlightPersonId: string | null;
  interpreterIds: string[];
}
