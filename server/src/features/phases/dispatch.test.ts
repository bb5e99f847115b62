import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { memberships, people } from '../../db/schema/index.ts';
import type { PlenumSocket } from '../../realtime/types.ts';
import { useTestApp } from '../../test/socket-world.ts';
import { join, seedEvent } from '../../test/fixtures.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { dispatchDeps, dispatchOnConnect } from './dispatch.ts';
import { createPhase } from './service.ts';

const t = useTestApp();

/** Every statement sent to Postgres while `work` runs, with the number of rows it returned. */
async function statementsDuring(work: () => Promise<void>) {
  const seen: { text: string; rows: number }[] = [];
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const record = (config: unknown, result: unknown) => {
    const text = typeof config === 'string' ? config : ((config as { text?: string }).text ?? '');
    seen.push({ text, rows: (result as { rows?: unknown[] } | undefined)?.rows?.length ?? 0 });
  };
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (err: unknown, result: unknown) => {
        if (!err) record(args[0], result);
        return (callback as (e: unknown, r: unknown) => unknown)(err, result);
      };
    }
    const answer = query.apply(this, args);
    if (answer && typeof (answer as Promise<unknown>).then === 'function')
      void (answer as Promise<unknown>).then((result) => record(args[0], result)).catch(() => {});
    return answer;
  } as typeof pg.Client.prototype.query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
  }
  return seen;
}

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

    const socket = { data: { eventId: event.id, personId: attendee.personId } } as PlenumSocket;
    const seen = await statementsDuring(() => dispatchOnConnect(dispatchDeps(t.app), socket));

    const memberReads = seen.filter((s) => /from "memberships"/i.test(s.text));
    expect(memberReads).toHaveLength(1);
    expect(memberReads[0]!.rows).toBe(1);
  });
});
