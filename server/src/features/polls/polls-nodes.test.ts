import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { pollVotes } from '../../db/schema/index.ts';
import { moveSocketsOfPerson } from '../../realtime/rooms.ts';
import { ask, listen, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { connectVoters, joinVoters } from './voters.ts';

/** Two app nodes on one database, joined by real Redis, as in realtime/nodes.test.ts. */
const t = useSocketWorld({
  env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
});
let nodeB: FastifyInstance;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  urlA = t.url;
  nodeB = await t.restart();
  urlB = await listen(nodeB);
});
afterAll(async () => {
  const redis = t.app.redis!.client;
  const keys = await redis.keys(`plenum:${new URL(t.databaseUrl).pathname.slice(1)}:*`);
  if (keys.length) await redis.del(keys);
});

describe('polls on two nodes', () => {
  it('110 votes split over both nodes count exactly once, and the counts reach a moderator on the other node', async () => {
    const w = await t.world();
    const moderator = await w.connect(w.moderator, urlB);
    const voters = await connectVoters(w, await joinVoters(t.app, w, 110), (i) =>
      i % 2 === 0 ? urlA : urlB,
    );
    const { poll } = await ok(moderator.socket, 'poll:create', {
      roomId: w.plenaryId,
      question: 'Mehr Bänke am Marktplatz?',
      kind: 'multiple',
      options: ['Ja', 'Nein', 'Mit Schatten'],
      anonymous: false,
    });
    await ok(moderator.socket, 'poll:open', { pollId: poll.id });
    await voters[1]!.inbox.waitFor('poll:opened', (p) => p.id === poll.id);

    const started = performance.now();
    const pending = voters.map((v, i) =>
      ask(v.socket, 'poll:vote', { pollId: poll.id, choices: i % 4 === 0 ? [0, 2] : [1] }),
    );
    const sentIn = performance.now() - started;
    const acks = await Promise.all(pending);
    const elapsed = performance.now() - started;
    console.info(
      `110 votes over two nodes sent in ${sentIn.toFixed(0)} ms, ` +
        `all acknowledged after ${elapsed.toFixed(0)} ms`,
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect(sentIn).toBeLessThan(2000);
    expect(elapsed).toBeLessThan(10_000);
    expect(await t.app.db.$count(pollVotes, eq(pollVotes.pollId, poll.id))).toBe(110);

    // Each node sends the counts after its own votes, read from the database; node A's go to
    // the moderator on node B through Redis. Whichever comes last holds all 110.
    const counts = await moderator.inbox.waitFor(
      'poll:counts',
      (c) => c.pollId === poll.id && c.voters === 110,
    );
    expect(counts.counts).toEqual([28, 82, 28]);
    // Both nodes share one window per poll: at most 4 updates a second in all, not 4 per node.
    expect(moderator.inbox.all('poll:counts').length).toBeLessThanOrEqual(
      Math.ceil((performance.now() - started) / 250) + 1,
    );

    const closed = await ok(moderator.socket, 'poll:close', { pollId: poll.id });
    expect(closed.results).toMatchObject({ voters: 110, counts: [28, 82, 28] });
    expect(closed.results.ballots).toHaveLength(110);
    const heardOnA = await voters[0]!.inbox.waitFor('poll:closed', (c) => c.poll.id === poll.id);
    expect(heardOnA.results).toMatchObject({ voters: 110, counts: [28, 82, 28] });
    expect(heardOnA.results.ballots).toBeUndefined();
  });

  it('a member of another group on the other node never receives a group poll', async () => {
    const w = await t.world();
    const moderator = await w.connect(w.moderator, urlA);
    const anna = await w.connect(w.anna, urlB);
    const cem = await w.connect(w.cem, urlB);
    await moveSocketsOfPerson(t.app.realtime.io, w.anna.personId, w.plenaryId, w.groupId);
    await moveSocketsOfPerson(t.app.realtime.io, w.cem.personId, w.plenaryId, w.otherGroupId);
    const input = {
      question: 'Treffen wir uns wieder?',
      kind: 'single' as const,
      options: ['Ja', 'Nein'],
      anonymous: true,
    };
    const { poll } = await ok(moderator.socket, 'poll:create', { roomId: w.groupId, ...input });
    await ok(moderator.socket, 'poll:open', { pollId: poll.id });
    await anna.inbox.waitFor('poll:opened', (p) => p.id === poll.id);
    await ok(moderator.socket, 'poll:close', { pollId: poll.id });
    await anna.inbox.waitFor('poll:closed', (c) => c.poll.id === poll.id);
    const marker = await ok(moderator.socket, 'poll:create', { roomId: null, ...input });
    await ok(moderator.socket, 'poll:open', { pollId: marker.poll.id });
    await cem.inbox.waitFor('poll:opened', (p) => p.id === marker.poll.id);
    expect(cem.inbox.received.filter((r) => r.event.startsWith('poll:'))).toHaveLength(1);
  });
});
