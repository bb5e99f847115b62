import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestApp } from '../../test/socket-world.ts';
import { agendaItems, events, roomModerators, rooms } from '../../db/schema/index.ts';
import { ensureDemoEvent } from './seed.ts';
import { demoEvent } from './forum-sozialplanung.ts';

const t = useTestApp();

describe('demo forum', () => {
  it('has a plenary and three working groups of 40 with a moderator each', async () => {
    expect(await ensureDemoEvent(t.app.db, new Date('2026-11-25T12:00:00Z'))).toBe(true);
    const [event] = await t.app.db.select().from(events).where(eq(events.slug, demoEvent.slug));
    expect(event!.title).toBe('Forum Sozialplanung — Demo');
    const all = await t.app.db.select().from(rooms).where(eq(rooms.eventId, event!.id));
    const groups = all.filter((r) => r.kind === 'working_group');
    expect(all.filter((r) => r.kind === 'plenary')).toHaveLength(1);
    expect(groups.map((g) => g.capacity)).toEqual([40, 40, 40]);
    const mods = await t.app.db.select().from(roomModerators);
    for (const g of groups) expect(mods.filter((m) => m.roomId === g.id)).toHaveLength(1);
  });

  it('starts at 09:00 Berlin time on the next Monday and has talks from three municipalities', async () => {
    const [event] = await t.app.db.select().from(events).where(eq(events.slug, demoEvent.slug));
    // 2026-11-30 is a Monday; CET is UTC+1.
    expect(event!.startsAt.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    const items = await t.app.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.eventId, event!.id));
    const affiliations = items.flatMap((i) => i.speakers.map((s) => s.affiliation));
    for (const place of ['Stadt Arnsberg', 'Stadt Gelsenkirchen', 'Kreis Pinneberg']) {
      expect(affiliations).toContain(place);
    }
    expect(items.some((i) => i.kind === 'working_group_phase')).toBe(true);
  });

  it('is not created twice', async () => {
    expect(await ensureDemoEvent(t.app.db)).toBe(false);
  });
});
