import type { FastifyInstance } from 'fastify';
import type { AgendaItem } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';
import { listAgenda } from './service.ts';

/** The whole agenda, as stored, to every connected client of the event. */
export function agendaUpdated(io: PlenumServer, eventId: string, items: AgendaItem[]) {
  io.to(socketRoom.event(eventId)).emit('agenda:updated', { eventId, items });
}

/**
 * agendaUpdated after a committed change; pass the agenda if the transaction already read it.
 * The change stands even if the broadcast fails, so a failure is logged, not thrown; clients that
 * missed it read the agenda on reconnect.
 */
export async function emitAgendaUpdated(
  app: FastifyInstance,
  eventId: string,
  committed?: AgendaItem[],
): Promise<void> {
  if (!app.hasDecorator('realtime')) return;
  try {
    agendaUpdated(app.realtime.io, eventId, committed ?? (await listAgenda(app.db, eventId)));
  } catch (err) {
    app.log.warn({ err, eventId }, 'agenda:updated broadcast failed');
  }
}
