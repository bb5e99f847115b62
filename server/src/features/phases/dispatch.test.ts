import { describe, expect, it } from 'vitest';
import { memberships, people } from '../../db/schema/index.ts';
import type { PlenumSocket } from '../../realtime/types.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { statementsDuring } from '../../test/statements.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { dispatchDeps, dispatchOnConnect } from './dispatch.ts';
import { createPhase } from './service.ts';

const t = useTestApp();

describe('a reconnect while a phase is open', () => {
  it('reads the member row of the reconnecting person only, not every member of the event', async () => {
    const event = await seedEvent(t.app);
    const organizer = await join(t.app, event.id, 'organizer');
    const attendee = await join(t.app, event.id, 'attendee', 'Zurück');
    // Forty more members: reading all of them would return more than forty rows.
    const others = Array.from({ length: 40 }, (_, i) => ({
      id: crypto.randomUUID(),
      displayName: `Gast ${i + 1}`,
    }));
    await t.app.db.insert(people).values(others);
    await t.app.db
      .insert(memberships)
      .values(
        others.map((p) => ({ eventId: event.id, personId: p.id, role: 'attendee' as const })),
      );
    const group = await createWorkingGroup(
      t.app.db,
      event.id,
      { name: 'AG', description: '', capacity: null, moderatorIds: [] },
      null,
    );
    const phase = await createPhase(
      t.app.db,
      event.id,
      {
        title: 'Arbeitsphase',
        agendaItemId: null,
        roomIds: [group.id],
        durationMinutes: 30,
        selfSelect: false,
      },
      organizer.personId,
    );
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phase.id}/open`,
      headers: { cookie: organizer.cookie },
    });
    expect(opened.statusCode).toBe(200);

    const socket = {
      data: { eventId: event.id, personId: attendee.personId },
      rooms: new Set<string>(),
      disconnected: false,
    } as unknown as PlenumSocket;
    const seen = await statementsDuring(() => dispatchOnConnect(dispatchDeps(t.app), socket));

    const memberReads = seen.filter((s) => /from "memberships"/i.test(s.text));
    expect(memberReads).toHaveLength(1);
    expect(memberReads[0]!.rows).toBe(1);
  });
});
