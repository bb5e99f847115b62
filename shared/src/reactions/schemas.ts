import { z } from 'zod';
import { reactionKinds } from '../vocab/vocab.ts';

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
