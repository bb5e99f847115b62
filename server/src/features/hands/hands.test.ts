import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Hand } from '@plenum/shared';
import { presence, raisedHands } from '../../db/schema/index.ts';
import { moveSocketsOfPerson } from '../../realtime/rooms.ts';
import { ask, closeAll, ok } from '../../test/sockets.ts';
import { openMeeting } from '../../test/meeting.ts';
import { closePhase } from '../phases/service.ts';
import { dropHandsOfLeavers } from './sweep.ts';
import { useSocketWorld } from '../../test/socket-world.ts';

const t = useSocketWorld();

describe('raised hands', () => {
  it('hands queue in the order they were raised; raising again keeps the place', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const cem = await w.connect(w.cem);
    const first = await ok(ben.socket, 'hand:raise', { roomId: w.plenaryId });
    await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    const again = await ok(ben.socket, 'hand:raise', { roomId: w.plenaryId });
    expect(again.hand.id).toBe(first.hand.id);
    const raised = await cem.inbox.waitFor('hand:raised', (h) => h.person.id === w.anna.personId);
    expect(raised).toMatchObject({
      status: 'raised',
      roomId: w.plenaryId,
      person: { displayName: 'Anna' },
    });
    const queue = await ok(cem.socket, 'hand:list', { roomId: w.plenaryId });
    expect(queue.hands.map((h) => h.person.displayName)).toEqual(['Ben', 'Anna']);
  });

  it('a person lowers their own hand and the room sees it leave the queue', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    const lowered = await ok(anna.socket, 'hand:lower', { roomId: w.plenaryId });
    expect(lowered.hand).toMatchObject({ status: 'lowered' });
    await ben.inbox.waitFor('hand:lowered', (h) => h.person.id === w.anna.personId);
    expect((await ok(ben.socket, 'hand:list', { roomId: w.plenaryId })).hands).toEqual([]);
    expect((await ok(anna.socket, 'hand:lower', { roomId: w.plenaryId })).hand).toBeNull();
  });

  it('a moderator takes the next hand: the room is told, the LiveKit hook runs, and it is audited', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const moderator = await w.connect(w.moderator);
    const taken: Hand[] = [];
    const stop = t.app.realtime.onHandTaken((hand) => {
      taken.push(hand);
    });
    try {
      await ok(ben.socket, 'hand:raise', { roomId: w.plenaryId });
      await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
      const next = await ok(moderator.socket, 'hand:takeNext', { roomId: w.plenaryId });
      expect(next.hand).toMatchObject({ status: 'taken', person: { id: w.ben.personId } });
      await anna.inbox.waitFor('hand:taken', (h) => h.id === next.hand!.id);
      expect(taken.map((h) => h.id)).toEqual([next.hand!.id]);
      expect(
        (await ok(anna.socket, 'hand:list', { roomId: w.plenaryId })).hands.map((h) => h.person.id),
      ).toEqual([w.anna.personId]);
      expect(await t.audited(w.event.id, 'hand.take')).toBe(1);
    } finally {
      stop();
    }
  });

  it('an empty queue gives no hand and writes no audit entry', async () => {
    const w = await t.world();
    const moderator = await w.connect(w.moderator);
    expect((await ok(moderator.socket, 'hand:takeNext', { roomId: w.plenaryId })).hand).toBeNull();
    expect(await t.audited(w.event.id, 'hand.take')).toBe(0);
  });

  it('a moderator dismisses a hand; it is audited and cannot be taken afterwards', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const { hand } = await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    await ok(moderator.socket, 'hand:dismiss', { handId: hand.id });
    expect(await anna.inbox.waitFor('hand:dismissed')).toMatchObject({
      id: hand.id,
      status: 'dismissed',
    });
    expect(await ask(moderator.socket, 'hand:dismiss', { handId: hand.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await ok(moderator.socket, 'hand:takeNext', { roomId: w.plenaryId })).hand).toBeNull();
    expect(await t.audited(w.event.id, 'hand.dismiss')).toBe(1);
  });

  it('an attendee cannot take or dismiss hands', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const ben = await w.connect(w.ben);
    const { hand } = await ok(ben.socket, 'hand:raise', { roomId: w.plenaryId });
    expect(await ask(anna.socket, 'hand:takeNext', { roomId: w.plenaryId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(anna.socket, 'hand:dismiss', { handId: hand.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const [row] = await t.app.db.select().from(raisedHands).where(eq(raisedHands.id, hand.id));
    expect(row!.status).toBe('raised');
  });

  it('hands are raised only in a room one may be in; in a working group its moderator takes them', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const cem = await w.connect(w.cem);
    const moderator = await w.connect(w.moderator);
    expect(await ask(anna.socket, 'hand:raise', { roomId: w.groupId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The moderator (event-wide role) visits the group, as issue 5's moves will do for everyone.
    await moveSocketsOfPerson(t.app.realtime.io, w.moderator.personId, w.plenaryId, w.groupId);
    const raised = await ok(moderator.socket, 'hand:raise', { roomId: w.groupId });
    const taken = await ok(moderator.socket, 'hand:takeNext', { roomId: w.groupId });
    expect(taken.hand!.id).toBe(raised.hand.id);
    // Cem stayed in the plenary: the group's hand events never reached him.
    const marker = await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    await cem.inbox.waitFor('hand:raised', (h) => h.id === marker.hand.id);
    expect(
      cem.inbox.received.filter((r) => r.event.startsWith('hand:')).map((r) => r.event),
    ).toEqual(['hand:raised']);
  });
});

describe('hands of people who leave', () => {
  /** Waits until the database recorded the person's last connection as closed. */
  const recordedGone = async (eventId: string, personId: string) => {
    for (let i = 0; i < 100; i++) {
      const [row] = await t.app.db
        .select()
        .from(presence)
        .where(and(eq(presence.eventId, eventId), eq(presence.personId, personId)));
      if (row && row.lastSeenAt > row.connectedAt) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the disconnect was never recorded');
  };
  /** As if the times stored for the person lay 31 s further back: the grace has passed. */
  const age = (eventId: string, personId: string) =>
    t.app.db
      .update(presence)
      .set({
        connectedAt: sql`${presence.connectedAt} - interval '31 seconds'`,
        lastSeenAt: sql`${presence.lastSeenAt} - interval '31 seconds'`,
      })
      .where(and(eq(presence.eventId, eventId), eq(presence.personId, personId)));

  it('a hand drops for the whole room once its owner has been gone from the event for 30 s', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const moderator = await w.connect(w.moderator);
    const { hand } = await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    closeAll(anna.socket);
    await recordedGone(w.event.id, w.anna.personId);
    // Gone for a moment only: the hand stays.
    expect(await dropHandsOfLeavers(t.app.realtime)).toEqual([]);
    await age(w.event.id, w.anna.personId);
    // No call here: every node's own sweep finds it from the database.
    const dropped = await moderator.inbox.waitFor('hand:lowered', (h) => h.id === hand.id);
    expect(dropped).toMatchObject({ status: 'lowered', person: { id: w.anna.personId } });
    expect((await ok(moderator.socket, 'hand:list', { roomId: w.plenaryId })).hands).toEqual([]);
  });

  it('a hand stays through a reconnect, however long ago the old connection closed', async () => {
    const w = await t.world();
    const first = await w.connect(w.ben);
    const moderator = await w.connect(w.moderator);
    // Watches the whole people list, as a moderator's page does in the plenary.
    await ok(moderator.socket, 'presence:list', {});
    const { hand } = await ok(first.socket, 'hand:raise', { roomId: w.plenaryId });
    closeAll(first.socket);
    await recordedGone(w.event.id, w.ben.personId);
    const again = await w.connect(w.ben);
    await moderator.inbox.waitFor('presence:updated', (u) =>
      u.people.some((p) => p.personId === w.ben.personId && p.online),
    );
    await age(w.event.id, w.ben.personId);
    // Even if the database still held the old departure, the live socket on a node keeps it.
    await t.app.db
      .update(presence)
      .set({ connectedAt: sql`${presence.lastSeenAt} - interval '1 second'` })
      .where(and(eq(presence.eventId, w.event.id), eq(presence.personId, w.ben.personId)));
    expect(await dropHandsOfLeavers(t.app.realtime)).toEqual([]);
    const queue = await ok(again.socket, 'hand:list', { roomId: w.plenaryId });
    expect(queue.hands.map((h) => h.id)).toEqual([hand.id]);
    expect(moderator.inbox.all('hand:lowered')).toEqual([]);
  });

  it('a hand of someone who left does not survive a working-group phase', async () => {
    const w = await t.world();
    const anna = await w.connect(w.anna);
    const { hand } = await ok(anna.socket, 'hand:raise', { roomId: w.plenaryId });
    closeAll(anna.socket);
    await recordedGone(w.event.id, w.anna.personId);
    const phaseId = await openMeeting(t.app, w, [{ personId: w.ben.personId, roomId: w.groupId }]);
    await age(w.event.id, w.anna.personId);
    await closePhase(t.app.db, phaseId, w.organizer.personId);
    const moderator = await w.connect(w.moderator);
    await expect
      .poll(async () => (await ok(moderator.socket, 'hand:list', { roomId: w.plenaryId })).hands, {
        timeout: 5_000,
      })
      .toEqual([]);
    const [row] = await t.app.db.select().from(raisedHands).where(eq(raisedHands.id, hand.id));
    expect(row).toMatchObject({ status: 'lowered', closedBy: null });
  });
});
