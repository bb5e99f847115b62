import type { AgendaItem } from '@plenum/shared';
import { useRemoteList } from '../../app/useRemoteList.ts';
import { useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { agendaApi } from './agenda-api.ts';

const byStart = (items: AgendaItem[]) =>
  [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

/** The agenda as the editor shows it: loaded fresh, replaced by every `agenda:updated`. */
export function useAgendaEditor(slug: string, eventId: string) {
  const list = useRemoteList(`agenda:${slug}`, async (signal) =>
    byStart(await agendaApi.agenda(slug, signal)),
  );
  useServerEvent('agenda:updated', (update) => {
    if (update.eventId === eventId) list.update(() => byStart(update.items));
  });
  useResync(list.reload);

  return {
    ...list,
    /** The whole agenda as a live action answered it. */
    replace: (items: AgendaItem[]) => list.update(() => byStart(items)),
    /** One item as an edit answered it (the broadcast of the whole agenda follows). */
    put: (item: AgendaItem) =>
      list.update((items) => byStart([...items.filter((i) => i.id !== item.id), item])),
    remove: (itemId: string) => list.update((items) => items.filter((i) => i.id !== itemId)),
  };
}
