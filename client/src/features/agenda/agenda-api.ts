import type {
  AgendaImportResult,
  AgendaItem,
  AgendaItemInput,
  AgendaItemPatch,
} from '@plenum/shared';
import { eventPath as event, segment as s, send } from '../../lib/request.ts';

/** What the agenda form sends: the input with its defaults already applied. */
export type AgendaBody = Omit<AgendaItemInput, 'roomId'> & { roomId?: string | null };

/** The organizer's agenda calls: edit, run live, import a Frab schedule, export iCal. */
export const agendaApi = {
  agenda: (slug: string, signal?: AbortSignal) =>
    send<AgendaItem[]>('GET', `${event(slug)}/agenda`, undefined, signal),
  createAgendaItem: (slug: string, body: AgendaBody) =>
    send<AgendaItem>('POST', `${event(slug)}/agenda`, { json: body }),
  updateAgendaItem: (slug: string, itemId: string, patch: AgendaItemPatch) =>
    send<AgendaItem>('PATCH', `${event(slug)}/agenda/${s(itemId)}`, { json: patch }),
  deleteAgendaItem: (slug: string, itemId: string) =>
    send<void>('DELETE', `${event(slug)}/agenda/${s(itemId)}`),
  startItem: (slug: string, itemId: string) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/start`),
  endItem: (slug: string, itemId: string) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/end`),
  extendItem: (slug: string, itemId: string, minutes: number) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/extend`, {
      json: { minutes },
    }),
  shiftItem: (slug: string, itemId: string, minutes: number) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/shift`, { json: { minutes } }),
  importFrab: (slug: string, file: Blob) =>
    send<AgendaImportResult>('POST', `${event(slug)}/agenda/import`, {
      file,
      type: 'application/xml',
    }),
  icalUrl: (slug: string) => `${event(slug)}/agenda.ics`,
};
