import { z } from 'zod';

/** The reactions a person can send, in the order the menu shows them. */
export const reactionKinds = ['applause', 'thumbsUp', 'laugh', 'plusOne', 'question'] as const;
export const ReactionKind = z.enum(reactionKinds);
export type ReactionKind = z.infer<typeof ReactionKind>;

/** One click. The room is the one the person is in; the server checks they may be there. */
export const ReactionSendInput = z.object({ roomId: z.uuid(), kind: ReactionKind }).strict();
export type ReactionSendInput = z.infer<typeof ReactionSendInput>;

/**
 * What a room hears: the reactions one node accepted in one window (at most 4 windows per second
 * per node and room), counted per kind. Kinds nobody sent are left out.
 */
export interface ReactionBurst {
  roomId: string;
  counts: Partial<Record<ReactionKind, number>>;
}

/** Per person, across their windows and the nodes: one a second, bursts of three. */
export const REACTION_LIMIT = { max: 3, windowMs: 3_000 } as const;
/** A room hears at most one burst per window (per node). */
export const REACTION_WINDOW_MS = 250;
