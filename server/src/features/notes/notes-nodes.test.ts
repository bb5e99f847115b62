import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { NotesDoc } from '@plenum/shared';
import { openMeeting } from '../../test/meeting.ts';
import { NotesPeer, eventually, sameDoc } from '../../test/notes.ts';
import { listen, ok } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

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

describe('notes on two nodes', () => {
  it('people on two nodes writing one group’s notes at once end with the same text, every line kept, and see each other’s cursors', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.groupId },
      { personId: w.cem.personId, roomId: w.groupId },
      { personId: w.ben.personId, roomId: w.otherGroupId },
    ]);
    const doc: NotesDoc = { kind: 'group', phaseId, roomId: w.groupId };
    const members = [
      { member: w.anna, url: urlA, name: 'anna' },
      { member: w.cem, url: urlB, name: 'cem' },
      { member: w.moderator, url: urlB, name: 'mod' },
    ];
    const peers = await Promise.all(
      members.map(async ({ member, url }) => {
        const { socket, inbox } = await w.connect(member, url);
        const peer = new NotesPeer(doc, socket);
        expect((await peer.open()).ok).toBe(true);
        return { peer, inbox, socket };
      }),
    );
    // Ben, on node B, is in the other group: he must hear nothing of this document.
    const ben = await w.connect(w.ben, urlB);

    const lines = (name: string) => Array.from({ length: 6 }, (_, i) => `${name}-${i}`);
    await Promise.all(
      peers.map(async ({ peer }, n) => {
        for (const line of lines(members[n]!.name)) {
          peer.text.insert(0, `${line}\n`);
          expect((await peer.flush()).ok).toBe(true);
        }
      }),
    );
    await eventually(
      () => peers.every(({ peer }) => peer.toString() === peers[0]!.peer.toString()),
      'the same text on both nodes',
    );
    const expected = members.flatMap((m) => lines(m.name)).sort();
    expect(peers[0]!.peer.toString().split('\n').filter(Boolean).sort()).toEqual(expected);
    // Both nodes' stores agree with what the clients see.
    const { docTarget } = await import('./keys.ts');
    const target = docTarget(doc, w.event.id);
    expect(await t.app.notes.text(target)).toBe(peers[0]!.peer.toString());
    expect(await nodeB.notes.text(target)).toBe(peers[0]!.peer.toString());

    // A cursor on node A reaches node B, with the server's name; a late opener on node A sees the
    // writer on node B.
    expect((await peers[0]!.peer.cursor(3)).ok).toBe(true);
    const seen = await peers[1]!.inbox.waitFor('notes:presence', (p) => sameDoc(p.doc, doc));
    expect(seen).toMatchObject({ personId: w.anna.personId, name: 'Anna' });
    expect((await peers[1]!.peer.cursor(0)).ok).toBe(true);
    const late = await w.connect(w.organizer, urlA);
    const opened = await ok(late.socket, 'notes:open', { doc, stateVector: '' });
    expect(opened.writers.map((p) => p.name).sort()).toEqual(['Anna', 'Cem']);

    await ok(ben.socket, 'presence:list', {});
    for (const event of ['notes:update', 'notes:presence', 'notes:left'] as const) {
      expect(ben.inbox.all(event)).toEqual([]);
    }
  });

  it('a person moved on one node stops receiving the group’s notes on the other', async () => {
    const w = await t.world();
    const phaseId = await openMeeting(t.app, w, [
      { personId: w.anna.personId, roomId: w.groupId },
      { personId: w.cem.personId, roomId: w.groupId },
    ]);
    const doc: NotesDoc = { kind: 'group', phaseId, roomId: w.groupId };
    const anna = await w.connect(w.anna, urlB);
    const annaPeer = new NotesPeer(doc, anna.socket);
    expect((await annaPeer.open()).ok).toBe(true);
    // The organizer moves Anna through node A; her socket lives on node B.
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/phases/${phaseId}/move`,
      headers: { cookie: w.organizer.cookie },
      payload: { personId: w.anna.personId, roomId: w.otherGroupId },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await anna.inbox.waitFor('room:assigned', (a) => a.media.room.id === w.otherGroupId);
    const cem = await w.connect(w.cem, urlA);
    const cemPeer = new NotesPeer(doc, cem.socket);
    await cemPeer.open();
    const watcher = await w.connect(w.moderator, urlB);
    const watching = new NotesPeer(doc, watcher.socket);
    await watching.open();
    cemPeer.text.insert(0, 'Nach dem Wechsel');
    expect((await cemPeer.flush()).ok).toBe(true);
    await watcher.inbox.waitFor('notes:update', (u) => sameDoc(u.doc, doc));
    expect(anna.inbox.all('notes:update')).toEqual([]);
  });
});
