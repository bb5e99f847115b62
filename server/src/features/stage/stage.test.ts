import { describe, expect, it } from 'vitest';
import { join } from '../../test/fixtures.ts';
import { ask, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the stage: spotlight for everyone and sign-language interpreters', () => {
  it('a moderator spotlights someone and everyone in the room sees it, other rooms nothing', async () => {
    const w = await t.world();
    const speaker = await join(t.app, w.event.id, 'speaker', 'Sami Sprecher');
    const moderator = await w.connect(w.moderator);
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const other = await t.world();
    const outsider = await other.connect(other.anna);

    const sent = await ok(moderator.socket, 'stage:spotlight', {
      roomId: w.plenaryId,
      personId: speaker.personId,
    });
    expect(sent).toMatchObject({ roomId: w.plenaryId, personId: speaker.personId });
    for (const client of [anna, ben, moderator]) {
      expect(await client.inbox.waitFor('stage:spotlighted')).toEqual({
        roomId: w.plenaryId,
        personId: speaker.personId,
      });
    }
    expect(await t.audited(w.event.id, 'stage.spotlight')).toBe(1);

    // A client that (re)connects gets the spotlight from the database.
    const cem = await w.connect(w.cem);
    expect(await ok(cem.socket, 'stage:state', { roomId: w.plenaryId })).toMatchObject({
      roomId: w.plenaryId,
      spotlightPersonId: speaker.personId,
      interpreterIds: [],
    });

    await ok(moderator.socket, 'stage:spotlight', { roomId: w.plenaryId, personId: null });
    await anna.inbox.waitFor('stage:spotlighted', (s) => s.personId === null);
    await sleep(150);
    expect(outsider.inbox.all('stage:spotlighted')).toEqual([]);
  });

  it('an attendee cannot spotlight anyone, nor can a moderator spotlight a stranger', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    expect(
      await ask(anna.socket, 'stage:spotlight', { roomId: w.plenaryId, personId: w.anna.personId }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const moderator = await w.connect(w.moderator);
    const other = await t.world();
    expect(
      await ask(moderator.socket, 'stage:spotlight', {
        roomId: w.plenaryId,
        personId: other.anna.personId,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await sleep(150);
    expect(ben.inbox.all('stage:spotlighted')).toEqual([]);
    expect(await ok(ben.socket, 'stage:state', { roomId: w.plenaryId })).toMatchObject({
      spotlightPersonId: null,
    });
  });

  it('the organizer marks an interpreter; the whole event learns it, an attendee may not', async () => {
    const w = await t.world();
    const interpreter = await join(t.app, w.event.id, 'attendee', 'Ida Gebärden');
    const organizer = await w.connect(w.organizer);
    const anna = await w.connect(w.anna);
    const other = await t.world();
    const outsider = await other.connect(other.anna);

    expect(
      await ask(anna.socket, 'stage:interpreter', {
        personId: interpreter.personId,
        interpreter: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const marked = await ok(organizer.socket, 'stage:interpreter', {
      personId: interpreter.personId,
      interpreter: true,
    });
    expect(marked.interpreterIds).toEqual([interpreter.personId]);
    expect(await anna.inbox.waitFor('stage:interpreters')).toEqual({
      eventId: w.event.id,
      interpreterIds: [interpreter.personId],
    });
    expect(await ok(anna.socket, 'stage:state', { roomId: w.plenaryId })).toMatchObject({
      interpreterIds: [interpreter.personId],
    });

    await ok(organizer.socket, 'stage:interpreter', {
      personId: interpreter.personId,
      interpreter: false,
    });
    await anna.inbox.waitFor('stage:interpreters', (i) => i.interpreterIds.length === 0);
    await sleep(150);
    expect(outsider.inbox.all('stage:interpreters')).toEqual([]);
  });
});
