import { asc, eq } from 'drizzle-orm';
import type { AgendaItem } from '@plenum/shared';
import type { DbOrTx } from '../../db/client.ts';
import { agendaItems } from '../../db/schema/index.ts';

export async function listAgenda(db: DbOrTx, eventId: string): Promise<AgendaItem[]> {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.startsAt));
  return rows.map((r) => ({
    id: r.id,
    roomId: r.roomId,
    kind: r.kind,
    title: r.title,
    description: r.description,
    speakers: r.speakers,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    actualStartAt: r.actualStartAt?.toISOString() ?? null,
    actualEndAt: r.actualEndAt?.toISOString() ?? null,
  }));
}
