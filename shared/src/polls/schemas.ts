import { z } from 'zod';
import { PersonRef, plainText } from '../chat/schemas.ts';
import { pollLimits } from '../limits/limits.ts';
import { pollKinds, pollStatuses } from '../vocab/vocab.ts';

export const PollKind = z.enum(pollKinds);
export type PollKind = z.infer<typeof PollKind>;
export const PollStatus = z.enum(pollStatuses);
export type PollStatus = z.infer<typeof PollStatus>;

export const PollId = z.uuid();

/**
 * A poll as everyone in its room sees it. `roomId` null: event-wide. Choice polls list their
 * options; a rating poll has none and asks for one number on `pollLimits.rating`. `phaseId` is the
 * working-group phase that was open when the poll was made (for the phase's exports).
 */
export const Poll = z.object({
  id: PollId,
  roomId: z.uuid().nullable(),
  phaseId: z.uuid().nullable(),
  question: z.string(),
  kind: PollKind,
  options: z.array(z.string()),
  anonymous: z.boolean(),
  status: PollStatus,
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Poll = z.infer<typeof Poll>;

const Question = plainText(pollLimits.questionMax, 'a poll needs a question');
const Option = plainText(pollLimits.optionMax, 'an option cannot be empty');

export const PollCreateInput = z
  .object({
    /** null: the whole event (organizers and moderators). */
    roomId: z.uuid().nullable(),
    question: Question,
    kind: PollKind,
    /** Choice polls: 2–10 distinct options. Rating polls: none. */
    options: z.array(Option).max(pollLimits.options.max).default([]),
    anonymous: z.boolean(),
  })
  .strict()
  .superRefine((poll, ctx) => {
    if (poll.kind === 'rating') {
      if (poll.options.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'a rating poll has no options',
        });
      }
      return;
    }
    if (poll.options.length < pollLimits.options.min) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `at least ${pollLimits.options.min} options`,
      });
    }
    if (new Set(poll.options).size !== poll.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must differ' });
    }
  });
export type PollCreateInput = z.input<typeof PollCreateInput>;

export const PollIdInput = z.object({ pollId: PollId }).strict();

/**
 * Choice polls: the indexes of the chosen options (single: exactly one). Rating: one number on
 * the scale. The server checks them against the poll.
 */
export const PollChoices = z
  .array(z.number().int().min(0).max(pollLimits.options.max))
  .min(1, 'choose at least one')
  .max(pollLimits.options.max);
export const PollVoteInput = z.object({ pollId: PollId, choices: PollChoices }).strict();

/** Which room's polls (the event-wide ones come along). */
export const PollListInput = z.object({ roomId: z.uuid() }).strict();

/**
 * How many chose what: `counts[i]` per option, or per rating value (index 0 is rating 1).
 * `voters` counts people, not choices (a multiple-choice voter may add to several counts).
 */
export const PollTally = z.object({
  pollId: PollId,
  roomId: z.uuid().nullable(),
  voters: z.number().int(),
  counts: z.array(z.number().int()),
});
export type PollTally = z.infer<typeof PollTally>;

/** Who voted what: only in named polls, and only for organizers and moderators. */
export const PollBallot = z.object({ person: PersonRef, choices: z.array(z.number().int()) });
export type PollBallot = z.infer<typeof PollBallot>;

export const PollResults = PollTally.extend({ ballots: z.array(PollBallot).optional() });
export type PollResults = z.infer<typeof PollResults>;

/** A closed poll and its results, as the room hears it. */
export const PollClosed = z.object({ poll: Poll, results: PollResults });
export type PollClosed = z.infer<typeof PollClosed>;

/**
 * One poll as a (re)connecting client needs it: the person's own vote, and the results when
 * closed (or, for staff, the live counts while open).
 */
export const PollState = z.object({
  poll: Poll,
  myChoices: z.array(z.number().int()).nullable(),
  results: PollResults.nullable(),
});
export type PollState = z.infer<typeof PollState>;

export const PollList = z.object({ polls: z.array(PollState) });
export type PollList = z.infer<typeof PollList>;
