import { describe, expect, it } from 'vitest';
import type { ReactionBurst, ReactionKind } from '@plenum/shared';
import { join } from '../../test/fixtures.ts';
import { ask, closeAll, connectAs, ok, type ClientSocket } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

const kinds: ReactionKind[] = ['applause', 'thumbsUp', 'laugh', 'plusOne', 'question'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Bursts as they arrive, with the arrival time. */
function recordBursts(socket: ClientSocket) {
  const bursts: { at: number; burst: ReactionBurst }[] = [];
  socket.on('reaction:burst', (burst) => bursts.push({ at: Date.now(), burst }));
  return bursts;
}

const total = (bursts: { burst: ReactionBurst }[]) =>
  bursts.reduce((sum, b) => sum + Object.values(b.burst.counts).reduce((s, n) => s + n, 0), 0);

describe('reactions', () => {
  it(
    'reactions of 110 people reach the room in at most 4 bursts a second, every accepted click counted',
    { timeout: 120_000 },
    async () => {
      const w = await t.world();
      const observer = await w.connect(w.organizer);
      const bursts = recordBursts(observer.socket);
      // The moderator looks into a working group: nothing of the plenary's applause reaches him.
      const elsewhere = await w.connect(w.moderator);
      await ok(elsewhere.socket, 'group:visit', { roomId: w.groupId });
      const elsewhereBursts = recordBursts(elsewhere.socket);

      const members = await Promise.all(
        Array.from({ length: 110 }, (_, i) => join(t.app, w.event.id, 'attendee', `Gast ${i}`)),
      );
      const sockets: ClientSocket[] = [];
      for (const m of members) sockets.push((await connectAs(t.url, m, w.slug)).socket);

      // Everyone clicks twice within about 1.5 s; a few click four times at once (the fourth is
      // over the limit of three in a burst).
      let accepted = 0;
      let refused = 0;
      const started = Date.now();
      await Promise.all(
        sockets.map(async (socket, i) => {
          const clicks = i % 10 === 0 ? 4 : 2;
          await sleep(Math.random() * 700);
          for (let c = 0; c < clicks; c++) {
            const ack = await ask(socket, 'reaction:send', {
              roomId: w.plenaryId,
              kind: kinds[(i + c) % kinds.length]!,
            });
            if (ack.ok) accepted++;
            else if (ack.error.code === 'rate_limited') refused++;
            else throw new Error(`${ack.error.code}: ${ack.error.message}`);
            if (clicks === 2) await sleep(Math.random() * 700);
          }
        }),
      );
      const clicking = Date.now() - started;
      await sleep(600); // the last window closes
      closeAll(...sockets);

      expect(refused).toBe(11);
      expect(accepted).toBe(110 * 2 + 11 * 3 - (110 / 10) * 2);
      expect(total(bursts)).toBe(accepted);
      expect(bursts.every((b) => b.burst.roomId === w.plenaryId)).toBe(true);
      // At most 4 in any second: any five consecutive bursts span a second. They leave the server
      // ≥ 250 ms apart; 100 ms allow for delivery jitter on a loaded test machine.
      for (let i = 4; i < bursts.length; i++) {
        expect(bursts[i]!.at - bursts[i - 4]!.at).toBeGreaterThanOrEqual(900);
      }
      expect(bursts.length).toBeLessThanOrEqual(Math.ceil((clicking + 600) / 250) + 1);
      expect(elsewhereBursts).toEqual([]);
    },
  );

  it('a member of another event hears nothing of this room', async () => {
    const here = await t.world();
    const there = await t.world();
    const anna = await here.connect(here.anna);
    const ben = await here.connect(here.ben);
    const outsider = await there.connect(there.anna);
    const outsiderBursts = recordBursts(outsider.socket);
    await ok(anna.socket, 'reaction:send', { roomId: here.plenaryId, kind: 'applause' });
    expect(await ben.inbox.waitFor('reaction:burst')).toEqual({
      roomId: here.plenaryId,
      counts: { applause: 1 },
    });
    await sleep(300);
    expect(outsiderBursts).toEqual([]);
    // Nor can anyone react into a room of another event.
    expect(
      await ask(outsider.socket, 'reaction:send', { roomId: here.plenaryId, kind: 'laugh' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a flooder is refused with rate_limited after three quick reactions', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const acks = [];
    for (let i = 0; i < 5; i++) {
      acks.push(await ask(anna.socket, 'reaction:send', { roomId: w.plenaryId, kind: 'plusOne' }));
    }
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'rate_limited',
      'rate_limited',
    ]);
  });

  it('a captioner does not react, and nobody reacts with an unknown kind', async () => {
    const w = await t.world();
    const captioner = await join(t.app, w.event.id, 'captioner', 'Clara Schrift');
    const clara = await w.connect(captioner);
    const anna = await w.connect(w.anna);
    expect(
      await ask(clara.socket, 'reaction:send', { roomId: w.plenaryId, kind: 'applause' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await ask(anna.socket, 'reaction:send', { roomId: w.plenaryId, kind: 'boo' as never }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
