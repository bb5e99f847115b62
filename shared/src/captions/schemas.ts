import { z } from 'zod';
import { CAPTION_MAX_LENGTH } from '../limits/limits.ts';

/**
 * What a captioner types: interim text replaces the room's current line while they type; `final`
 * commits it (and, when the organizer switched the transcript on, stores it).
 */
export const CaptionWriteInput = z
  .object({
    roomId: z.uuid(),
    text: z.string().max(CAPTION_MAX_LENGTH),
    final: z.boolean(),
  })
  .strict();
export type CaptionWriteInput = z.infer<typeof CaptionWriteInput>;

/**
 * One caption line as the room's attendees receive it. `seq` orders the lines of one captioner
 * (interim updates of a line share it; the next line counts up), so a late interim never
 * overwrites a line that was already committed.
 */
export const CaptionLine = z.object({
  roomId: z.uuid(),
  captionerId: z.uuid(),
  seq: z.number().int().nonnegative(),
  text: z.string(),
  final: z.boolean(),
  /** Server time the line was accepted (ISO), for the transcript and latency figures. */
  at: z.string(),
});
export type CaptionLine = z.infer<typeof CaptionLine>;

/** Whether final lines are kept for the event (the organizer switches this). */
export const CaptionTranscriptState = z.object({ enabled: z.boolean() });
export type CaptionTranscriptState = z.infer<typeof CaptionTranscriptState>;

export const CaptionTranscriptInput = z.object({ enabled: z.boolean() }).strict();

/** A stored transcript line; the author is gone once the captioner was erased. */
export const TranscriptLine = z.object({
  id: z.number().int(),
  roomId: z.uuid(),
  roomName: z.string(),
  text: z.string(),
  captionerName: z.string().nullable(),
  at: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

export const TranscriptFormat = z.enum(['text', 'markdown']);
export const TranscriptExportQuery = z.object({ format: TranscriptFormat.default('markdown') });
