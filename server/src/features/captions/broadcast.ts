import type { CaptionLine, CaptionTranscriptState } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

/** A caption line, to the room it was written for and nobody else. */
export function captionLine(io: PlenumServer, line: CaptionLine) {
  io.to(socketRoom.room(line.roomId)).emit('caption:line', line);
}

/** The transcript was switched on or off: the whole event may know whether it is recorded. */
export function captionTranscriptChanged(
  io: PlenumServer,
  eventId: string,
  state: CaptionTranscriptState,
) {
  io.to(socketRoom.event(eventId)).emit('caption:transcript', state);
}
