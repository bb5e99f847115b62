import { CaptionWriteInput } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { captionLine } from './broadcast.ts';
import { writeCaption } from './service.ts';

/**
 * `caption:write`: the captioner's current line to everyone in the room, and nobody else. Lines
 * are numbered per connection (`seq`): interim updates share the number of the line they belong
 * to, a final one closes it; clients drop an interim older than the last final line they saw.
 */
export function registerCaptionHandlers(rt: Realtime, socket: PlenumSocket) {
  let seq = 0;
  onEvent(rt, socket, 'caption:write', CaptionWriteInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    ctx.requireInRoom('caption.write', room, 'write captions');
    const lineSeq = input.final ? seq++ : seq;
    const line = await writeCaption(rt.db, room, ctx.person.id, input, lineSeq);
    captionLine(rt.io, line);
    return { line };
  });
}
