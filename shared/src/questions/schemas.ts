import { z } from 'zod';
import { ClientMessageId, PersonRef, plainText } from '../chat/schemas.ts';
import { QUESTION_MAX_LENGTH } from '../limits/limits.ts';
import { questionStatuses } from '../vocab/vocab.ts';

export const QuestionBody = plainText(QUESTION_MAX_LENGTH, 'a question cannot be empty');

export const QuestionStatus = z.enum(questionStatuses);
export type QuestionStatus = z.infer<typeof QuestionStatus>;
export const QuestionId = z.number().int().positive();

export const Question = z.object({
  id: QuestionId,
  roomId: z.uuid(),
  body: z.string(),
  author: PersonRef.nullable(),
  status: QuestionStatus,
  upvotes: z.number().int().min(0),
  createdAt: z.string(),
  /** Only in answers to the asking person (list, upvote), never in broadcasts. */
  votedByMe: z.boolean().optional(),
});
export type Question = z.infer<typeof Question>;

/** Questions go to the plenary of the socket's event; no room is named. */
export const QuestionAskInput = z
  .object({ clientId: ClientMessageId, body: QuestionBody })
  .strict();
export const QuestionIdInput = z.object({ questionId: QuestionId }).strict();
export const QuestionListInput = z.object({}).strict();

/** Most votes first, then oldest first; hidden questions are left out. */
export const QuestionList = z.object({ questions: z.array(Question) });
export type QuestionList = z.infer<typeof QuestionList>;
export const QuestionUpvoted = z.object({ questionId: QuestionId, upvotes: z.number().int() });
export type QuestionUpvoted = z.infer<typeof QuestionUpvoted>;
export const QuestionHidden = z.object({ questionId: QuestionId });
export type QuestionHidden = z.infer<typeof QuestionHidden>;
