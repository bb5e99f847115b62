import { describe, expect, it } from 'vitest';
import { openMeeting } from '../../test/meeting.ts';
import { ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { statementsDuring } from '../../test/statements.ts';
import type { World } from '../../test/world.ts';
import type { ClientSocket } from '../../test/sockets.ts';

const t = useSocketWorld();

/** Statements that read the phases table while `member` connects, and the connection. */
async function phaseReadsOnConnect(w: World, member: World['anna']) {
  let connection: Awaited<ReturnType<World['connect']>> | undefined;
  const seen = await statementsDuring(async () => {
    connection = await w.connect(member);
    // What the connection is told comes after the CONNECT: wait for it inside the count.
    await new Promise((r) => setTimeout(r, 300));
  });
  return { reads: seen.filter((s) => /from "phases"/i.test(s.text)), connection: connection! };
}

describe('a fresh connection and the event’s phases', () => {
  it('is placed in its group during an open phase with one read of the phases', async () => {
    const w = await t.world();
    await openMeeting(t.app, w, [{ personId: w.anna.personId, roomId: w.groupId }]);

    const { reads, connection } = await phaseReadsOnConnect(w, w.anna);
    const assigned = await connection.inbox.waitFor('room:assigned');
    expect([assigned.reason, assigned.media.room.id]).toEqual(['reconnected', w.groupId]);
    expect(reads.map((s) => s.text)).toHaveLength(1);
  });

  it('is shown the plenary’s results with one read of the phases', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, []);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phaseId}/close`,
      headers: { cookie: w.organizer.cookie },
    });
    expect(closed.statusCode).toBe(200);
    const organizer: ClientSocket = (await w.connect(w.organizer)).socket;
    await ok(organizer, 'results:show', { phaseId });

    const { reads, connection } = await phaseReadsOnConnect(w, w.cem);
    await connection.inbox.waitFor('results:shown', (r) => r.phaseId === phaseId);
    expect(reads.map((s) => s.text)).toHaveLength(1);
  });
});
