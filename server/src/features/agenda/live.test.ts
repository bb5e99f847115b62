import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AgendaItem } from '@plenum/shared';
import { agendaItems, auditLog } from '../../db/schema/index.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { agendaForum, byTitle } from './forum.fixture.ts';

const t = useTestApp();

const forum = () => agendaForum(t.app);

describe('running the schedule live', () => {
  async function day() {
    const f = await forum();
    await f.add('Eröffnung', '2026-03-12T09:00:00+01:00', 30, { kind: 'opening' });
    await f.add('Vortrag Münster', '2026-03-12T09:30:00+01:00', 30);
    await f.add('Arbeitsgruppen', '2026-03-12T10:00:00+01:00', 60, { kind: 'working_group_phase' });
    await f.add('Ergebnisse', '2026-03-12T11:00:00+01:00', 30, { kind: 'results' });
    await f.add('Tag 2', '2026-03-13T09:00:00+01:00', 30);
    const items = await f.agenda();
    const live = (title: string, action: string, payload?: object) =>
      f.call(f.organizer, 'POST', `/${byTitle(items, title).id}/${action}`, payload);
    return { ...f, items, live };
  }

  it('starting an item ends the one running in the plenary; planned times stay', async () => {
    const d = await day();
    expect((await d.live('Eröffnung', 'start')).statusCode).toBe(200);
    const res = await d.live('Vortrag Münster', 'start');
    const after = res.json() as AgendaItem[];
    const opening = byTitle(after, 'Eröffnung');
    const talk = byTitle(after, 'Vortrag Münster');
    expect(opening.actualEndAt).not.toBeNull();
    expect(talk).toMatchObject({
      actualEndAt: null,
      startsAt: byTitle(d.items, 'Vortrag Münster').startsAt,
    });
    expect(talk.actualStartAt).not.toBeNull();
    expect((await d.live('Vortrag Münster', 'start')).statusCode).toBe(409);
  });

  it('ending a running item records its actual end; ending it again is a conflict', async () => {
    const d = await day();
    expect((await d.live('Eröffnung', 'end')).json().error.message).toMatch(/has not started/);
    await d.live('Eröffnung', 'start');
    const ended = byTitle((await d.live('Eröffnung', 'end')).json(), 'Eröffnung');
    expect(new Date(ended.actualEndAt!) >= new Date(ended.actualStartAt!)).toBe(true);
    expect((await d.live('Eröffnung', 'end')).statusCode).toBe(409);
  });

  it('extending an item moves every later item of the day by the same amount, not the next day', async () => {
    const d = await day();
    const after = (await d.live('Vortrag Münster', 'extend', { minutes: 15 })).json();
    const moved = (title: string) =>
      (Date.parse(byTitle(after, title).startsAt) - Date.parse(byTitle(d.items, title).startsAt)) /
      60_000;
    expect(byTitle(after, 'Vortrag Münster').durationMinutes).toBe(45);
    expect([moved('Eröffnung'), moved('Vortrag Münster')]).toEqual([0, 0]);
    expect([moved('Arbeitsgruppen'), moved('Ergebnisse')]).toEqual([15, 15]);
    expect(moved('Tag 2')).toBe(0);
    expect(await d.agenda()).toEqual(after);
  });

  it('a delay propagates: shifting moves the item and every later one of the day', async () => {
    const d = await day();
    const after = (await d.live('Vortrag Münster', 'shift', { minutes: 20 })).json();
    const start = (title: string) => byTitle(after, title).startsAt;
    expect(start('Eröffnung')).toBe('2026-03-12T08:00:00.000Z');
    expect(start('Vortrag Münster')).toBe('2026-03-12T08:50:00.000Z');
    expect(start('Arbeitsgruppen')).toBe('2026-03-12T09:20:00.000Z');
    expect(start('Ergebnisse')).toBe('2026-03-12T10:20:00.000Z');
    expect(start('Tag 2')).toBe('2026-03-13T08:00:00.000Z');
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'agenda.shift'));
    expect(audit.some((a) => a.eventId === d.event.id && a.details.minutes === 20)).toBe(true);
  });

  it('a shift into the previous item, or into the next day’s items, is refused and changes nothing', async () => {
    const d = await day();
    const back = await d.live('Vortrag Münster', 'shift', { minutes: -15 });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toContain('"Eröffnung"');

    await d.add('Spätprogramm', '2026-03-12T23:00:00+01:00', 50);
    await d.add('Nachtcafé', '2026-03-13T00:00:00+01:00', 30);
    const late = byTitle(await d.agenda(), 'Spätprogramm');
    const res = await d.call(d.organizer, 'POST', `/${late.id}/shift`, { minutes: 30 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('"Nachtcafé"');
    const rows = await t.app.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.eventId, d.event.id));
    expect(rows.map((r) => r.startsAt.toISOString()).sort()).toEqual(
      [
        ...d.items.map((i) => i.startsAt),
        '2026-03-12T22:00:00.000Z',
        '2026-03-12T23:00:00.000Z',
      ].sort(),
    );
  });

  it('absurd minutes are refused with 400', async () => {
    const d = await day();
    for (const minutes of [0, -5, 241, 1.5, 'zehn'])
      expect((await d.live('Eröffnung', 'extend', { minutes })).statusCode).toBe(400);
    for (const minutes of [0, 241, -241, 2.5])
      expect((await d.live('Eröffnung', 'shift', { minutes })).statusCode).toBe(400);
    expect((await d.live('Eröffnung', 'shift', {})).statusCode).toBe(400);
    const unknown = await d.call(d.organizer, 'POST', `/${crypto.randomUUID()}/start`);
    expect(unknown.statusCode).toBe(404);
    expect(await d.agenda()).toEqual(d.items);
  });
});
