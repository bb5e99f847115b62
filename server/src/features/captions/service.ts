import type { CaptionLine, CaptionWriteInput } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { RoomRow } from '../rooms/repository.ts';
import { insertCaptionLine, storeTranscriptSetting, transcriptEnabled } from './repository.ts';

/**
 * A caption as the room will see it. A final line is stored first when the event keeps a
 * transcript (never emitted before it is stored); interim text is never stored.
 */
export async function writeCaption(
  db: Db,
  room: RoomRow,
  captionerId: string,
  input: CaptionWriteInput,
  seq: number,
): Promise<CaptionLine> {
  const at = new Date();
  if (input.final && input.text.trim() !== '' && (await transcriptEnabled(db, room.eventId))) {
    const row = await insertCaptionLine(db, {
      eventId: room.eventId,
      roomId: room.id,
      captionerId,
      text: input.text,
    });
    at.setTime(row.createdAt.getTime());
  }
  return {
    roomId: room.id,
    captionerId,
    seq,
    text: input.text,
    final: input.final,
    at: at.toISOString(),
  };
}

/** The organizer switches the transcript; audited with the change. */
export async function setTranscript(db: Db, eventId: string, enabled: boolean, actorId: string) {
  await db.transaction(async (tx) => {
    await storeTranscriptSetting(tx, eventId, enabled, actorId);
    await recordAudit(tx, {
      eventId,
      actorId,
      action: 'event.captionTranscript',
      details: { enabled },
    });
  });
  return { enabled };
}
