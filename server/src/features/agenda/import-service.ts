import type { AgendaImportResult } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { agendaItems } from '../../db/schema/index.ts';
import type { EventRow } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { parseFrabSchedule } from './frab-import.ts';
import { findPlenary } from '../rooms/repository.ts';
import { loadItems, lockEvent } from './service.ts';
import { assertSchedule } from './validation.ts';

/**
 * Imports a pretalx/Frab schedule into the agenda, all or nothing: an item that overlaps another
 * or lies outside the event's days refuses the whole import. Items already in the agenda (same
 * title, start and room) are skipped, so importing the same file twice changes nothing.
 */
export async function importFrabAgenda(
  db: Db,
  event: EventRow,
  xml: string,
  actorId: string,
): Promise<AgendaImportResult> {
  // Parse before the transaction: hostile or foreign XML never holds a lock.
  const plenary = await findPlenary(db, event.id);
  const parsed = await parseFrabSchedule(xml, {
    timeZone: event.timeZone,
    plenaryName: plenary.name,
    plenaryId: plenary.id,
  });
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, event.id);
    const existing = await loadItems(tx, event.id);
    const skipped = [...parsed.skipped];
    const fresh = parsed.items.filter((item) => {
      const known = existing.some(
        (e) =>
          e.title === item.title &&
          e.roomId === item.roomId &&
          e.startsAt.getTime() === item.startsAt.getTime(),
      );
      if (known)
        skipped.push({
          title: item.title,
          reason: 'already in the agenda',
          code: 'already_in_agenda',
          params: {},
        });
      return !known;
    });
    assertSchedule(fresh, [...existing, ...fresh], locked, 'edit');
    if (fresh.length) {
      await tx.insert(agendaItems).values(
        fresh.map((item) => ({
          id: item.id,
          eventId: event.id,
          roomId: item.roomId,
          kind: item.kind,
          title: item.title,
          description: item.description,
          speakers: item.speakers,
          startsAt: item.startsAt,
          durationMinutes: item.durationMinutes,
        })),
      );
    }
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: 'agenda.import',
      details: { format: 'frab', imported: fresh.length, skipped: skipped.length },
    });
    return { imported: fresh.length, skipped };
  });
}
