import { eq, and, isNull, sql } from 'drizzle-orm';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Db } from '../../db/client.ts';
import { attendance, livekitWebhookEvents, people } from '../../db/schema/index.ts';
import { findRoomById } from '../rooms/repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const secondsToDate = (s: bigint | number | undefined, fallback: Date) =>
  s ? new Date(Number(s) * 1000) : fallback;

/**
 * Applies one verified webhook event, exactly once: the event id is recorded in the same
 * transaction, so LiveKit's retries and replays change nothing. Joined and left of one participant
 * session meet on its sid whatever order they arrive in.
 */
export async function applyWebhookEvent(
  db: Db,
  event: WebhookEvent,
): Promise<'applied' | 'duplicate' | 'ignored'> {
  const roomId = event.room?.name;
  if (!event.id || !roomId || !uuidPattern.test(roomId)) return 'ignored';
  const at = secondsToDate(event.createdAt, new Date());
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(livekitWebhookEvents)
      .values({ id: event.id, event: event.event })
      .onConflictDoNothing()
      .returning({ id: livekitWebhookEvents.id });
    if (inserted.length === 0) return 'duplicate';
    const room = await findRoomById(tx, roomId);
    if (!room) return 'ignored';

    if (event.event === 'room_finished') {
      await tx
        .update(attendance)
        .set({ leftAt: at })
        .where(and(eq(attendance.roomId, roomId), isNull(attendance.leftAt)));
      return 'applied';
    }
    const participant = event.participant;
    if (
      !participant?.sid ||
      (event.event !== 'participant_joined' && event.event !== 'participant_left')
    ) {
      return 'ignored';
    }
    const personId = uuidPattern.test(participant.identity)
      ? ((
          await tx.select({ id: people.id }).from(people).where(eq(people.id, participant.identity))
        )[0]?.id ?? null)
      : null;
    const joinedAt = secondsToDate(participant.joinedAt, at);
    if (event.event === 'participant_joined') {
      await tx
        .insert(attendance)
        .values({ roomId, personId, participantSid: participant.sid, joinedAt })
        .onConflictDoNothing();
    } else {
      await tx
        .insert(attendance)
        .values({ roomId, personId, participantSid: participant.sid, joinedAt, leftAt: at })
        .onConflictDoUpdate({
          target: attendance.participantSid,
          set: { leftAt: sql`excluded.left_at` },
        });
    }
    return 'applied';
  });
}
