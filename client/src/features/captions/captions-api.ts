import type { CaptionTranscriptState } from '@plenum/shared';
import { eventPath as event, send } from '../../lib/request.ts';

/** The event's caption transcript: whether it is kept, the switch, and the export links. */
export const captionsApi = {
  transcript: (slug: string) =>
    send<CaptionTranscriptState>('GET', `${event(slug)}/captions/transcript`),
  setTranscript: (slug: string, enabled: boolean) =>
    send<CaptionTranscriptState>('PUT', `${event(slug)}/captions/transcript`, {
      json: { enabled },
    }),
  exportUrl: (slug: string, format: 'markdown' | 'text') =>
    `${event(slug)}/captions/transcript/export?format=${format}`,
};
