import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { presenceIntervals } from '../../db/schema/index.ts';
import { moveSocketsOfPerson } from '../../realtime/rooms.ts';
import { listen } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

/** Two app nodes on one database, joined by real Redis, as in realtime/nodes.test.ts. */
const t = useSocketWorld({
  env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
});
let nodeB: FastifyInstance;
let urlB: string;

beforeAll(async () => {
  nodeB = await t.restart();
  urlB = await listen(nodeB);
});
afterAll(async () => {
  await nodeB.close();
  const redis = t.app.redis!.client;
  const keys = await redis.keys(`plenum:${new URL(t.databaseUrl).pathname.slice(1)}:*`);
  if (keys.length) await redis.del(keys);
});

const intervalsOf = (personId: string) =>
  t.app.db.select().from(presenceIntervals).where(eq(presenceIntervals.personId, personId));
async function until(
  personId: string,
  done: (rows: Awaited<ReturnType<typeof intervalsOf>>) => boolean,
) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows = await intervalsOf(personId);
    if (done(rows)) return rows;
    if (Date.now() > deadline)
      throw new Error(`intervals not as expected: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('attendance over sockets on two nodes', () => {
  it('a move made on one node is recorded by the node that holds the socket, once', async () => {
    const w = await t.world();
    await w.connect(w.anna, urlB);
    await until(w.anna.personId, (rows) => rows.length === 1);
    // Node A moves Anna, whose socket lives on node B.
    expect(
      await moveSocketsOfPerson(t.app.realtime.io, w.anna.personId, w.plenaryId, w.groupId),
    ).toBe(1);
    const rows = await until(w.anna.personId, (r) => r.length === 2 && r.some((i) => i.leftAt));
    const byRoom = new Map(rows.map((r) => [r.roomId, r]));
    expect(byRoom.get(w.plenaryId)!.leftAt).not.toBeNull();
    expect(byRoom.get(w.groupId)!.leftAt).toBeNull();
    expect(new Set(rows.map((r) => r.nodeId)).size).toBe(1);
  });

  it('a node that stops closes the intervals of its sockets; the other node’s stay open', async () => {
    const w = await t.world();
    await w.connect(w.ben, urlB);
    await w.connect(w.cem);
    await until(w.ben.personId, (rows) => rows.length === 1);
    await until(w.cem.personId, (rows) => rows.length === 1);
    await nodeB.close();
    await until(w.ben.personId, (rows) => rows.every((r) => r.leftAt !== null));
    const [cem] = await intervalsOf(w.cem.personId);
    expect(cem!.leftAt).toBeNull();
  });
});
