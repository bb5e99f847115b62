import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AgendaItem } from '@plenum/shared';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

async function world() {
  const w = await t.world();
  const rest = (method: 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object | string) =>
    t.app.inject({
      method,
      url: `/api/events/${w.slug}/agenda${path}`,
      payload,
      headers: {
        cookie: w.organizer.cookie,
        ...(typeof payload === 'string' && { 'content-type': 'application/xml' }),
      },
    });
  return { ...w, rest };
}

describe('agenda:updated', () => {
  it('a delay the organizer enters reaches another client with the whole new agenda', async () => {
    const w = await world();
    const first = (
      await w.rest('POST', '', {
        title: 'Eröffnung',
        startsAt: '2026-03-12T09:00:00+01:00',
        durationMinutes: 30,
      })
    ).json() as AgendaItem;
    await w.rest('POST', '', {
      title: 'Vortrag',
      startsAt: '2026-03-12T09:30:00+01:00',
      durationMinutes: 30,
    });
    const anna = await w.connect(w.anna);
    const olga = await w.connect(w.organizer);

    const res = await w.rest('POST', `/${first.id}/shift`, { minutes: 10 });
    expect(res.statusCode).toBe(200);
    const update = await anna.inbox.waitFor('agenda:updated');
    expect(update.eventId).toBe(w.event.id);
    expect(update.items.map((i) => [i.title, i.startsAt])).toEqual([
      ['Eröffnung', '2026-03-12T08:10:00.000Z'],
      ['Vortrag', '2026-03-12T08:40:00.000Z'],
    ]);
    expect(update.items).toEqual(res.json());
    await olga.inbox.waitFor('agenda:updated');
  });

  it('edits, live control and imports are broadcast; refused changes and other events are not', async () => {
    const w = await world();
    const other = await world();
    const anna = await w.connect(w.anna);
    const outsider = await other.connect(other.anna);

    const created = await w.rest('POST', '', {
      title: 'Vortrag',
      startsAt: '2026-03-12T10:00:00+01:00',
      durationMinutes: 30,
    });
    const item = created.json() as AgendaItem;
    await anna.inbox.waitFor('agenda:updated', (u) => u.items.length === 1);
    expect(
      (await w.rest('POST', '', { title: 'X', startsAt: item.startsAt, durationMinutes: 5 }))
        .statusCode,
    ).toBe(409);
    await w.rest('POST', `/${item.id}/start`);
    await anna.inbox.waitFor('agenda:updated', (u) => u.items[0]?.actualStartAt !== null);
    await w.rest('PATCH', `/${item.id}`, { title: 'Vortrag (verschoben)' });
    await anna.inbox.waitFor('agenda:updated', (u) => u.items[0]?.title === 'Vortrag (verschoben)');
    const xml = readFileSync(new URL('./fixtures/frab-sample.xml', import.meta.url), 'utf8');
    await w.rest('DELETE', `/${item.id}`);
    await anna.inbox.waitFor('agenda:updated', (u) => u.items.length === 0);
    expect((await w.rest('POST', '/import', xml)).statusCode).toBe(200);
    const imported = await anna.inbox.waitFor('agenda:updated', (u) => u.items.length === 15);
    expect(imported.items[0]!.title).toBe('Eröffnung und Begrüßung');

    // Five changes, five updates: the refused one sent nothing.
    expect(anna.inbox.all('agenda:updated')).toHaveLength(5);
    // The other event's client hears only of its own event's change, which came after all those.
    await other.rest('POST', '', {
      title: 'Anderes Forum',
      startsAt: '2026-03-12T10:00:00+01:00',
      durationMinutes: 30,
    });
    await outsider.inbox.waitFor('agenda:updated');
    expect(outsider.inbox.all('agenda:updated').map((u) => u.eventId)).toEqual([other.event.id]);
  });
});
