import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { captionLines, captionSettings, people, rooms } from '../../db/schema/index.ts';

export async function transcriptEnabled(db: DbOrTx, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: captionSettings.transcriptEnabled })
    .from(captionSettings)
    .where(eq(captionSettings.eventId, eventId))
    .limit(1);
  return row?.enabled ?? false;
}

export async function storeTranscriptSetting(
  db: DbOrTx,
  eventId: string,
  enabled: boolean,
  changedBy: string,
) {
  const values = { eventId, transcriptEnabled: enabled, changedBy, changedAt: new Date() };
  await db
    .insert(captionSettings)
    .values(values)
    .onConflictDoUpdate({ target: captionSettings.eventId, set: values });
}

export async function insertCaptionLine(
  db: DbOrTx,
  line: { eventId: string; roomId: string; captionerId: string; text: string },
) {
  const [row] = await db.insert(captionLines).values(line).returning();
  return row!;
}

/** The event's stored lines in the order they were committed, with room and captioner names. */
export function transcriptOf(db: DbOrTx, eventId: string) {
  return db
    .select({
      id: captionLines.id,
      roomId: captionLines.roomId,
      roomName: rooms.name,
      text: captionLines.text,
      captionerName: people.displayName,
      at: captionLines.createdAt,
    })
    .from(captionLines)
    .innerJoin(rooms, eq(rooms.id, captionLines.roomId))
    .leftJoin(people, eq(people.id, captionLines.captionerId))
    .where(eq(captionLines.eventId, eventId))
    .orderBy(asc(captionLines.id));
}
