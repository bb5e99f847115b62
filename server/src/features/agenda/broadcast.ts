import type { FastifyInstance } from 'fastify';
import type { AgendaItem } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import { listAgenda } from './service.ts';

/**
 * Sends the whole agenda, as stored, to every connected client of the event (`agenda:updated`).
 * Call it after the change committed; pass the agenda if the transaction already read it. The change stands even if the broadcast fails, so a failure
 * is logged, not thrown; clients that missed it read the agenda on reconnect.
 */
export async function emitAgendaUpdated(
  app: FastifyInstance,
  eventId: string,
  committed?: AgendaItem[],
): Promise<void> {
  if (!app.hasDecorator('realtime')) return;
  try {
    const items = committed ?? (await listAgenda(app.db, eventId));
    app.realtime.io.to(socketRoom.event(eventId)).emit('agenda:updated', { eventId, items });
  } catch (err) {
    app.log.warn({ err, eventId }, 'agenda:updated broadcast failed');
  }
}
