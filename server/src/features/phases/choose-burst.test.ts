import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Phase } from '@plenum/shared';
import { assignments } from '../../db/schema/index.ts';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { closeAll, connectAs } from '../../test/sockets.ts';
import { useSocketWorld } from '../../test/socket-world.ts';
import { createWorkingGroup } from '../rooms/service.ts';
import { phaseUpdatedSoon } from './broadcast.ts';

// Issue 17: many people choosing a group at the same moment.
const t = useSocketWorld();

async function burstWorld(attendees: number, capacity: number) {
  const event = await seedEvent(t.app);
  const organizer = await join(t.app, event.id, 'organizer');
  const group = await createWorkingGroup(
    t.app.db,
    event.id,
    { name: 'AG Knapp', description: '', capacity, moderatorIds: [] },
    null,
  );
  const people: Member[] = await Promise.all(
    Array.from({ length: attendees }, (_, i) => join(t.app, event.id, 'attendee', `Person ${i}`)),
  );
  const draft = await t.app.inject({
    method: 'POST',
    url: `/api/events/${event.slug}/phases`,
    payload: { title: 'AG-Phase', roomIds: [group.id], durationMinutes: 30, selfSelect: true },
    headers: { cookie: organizer.cookie },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  return { event, organizer, groupId: group.id, people, phaseId: draft.json().id as string };
}

const stored = (phaseId: string, roomId: string) =>
  t.app.db.$count(
    assignments,
    and(eq(assignments.phaseId, phaseId), eq(assignments.roomId, roomId)),
  );

describe('many people choosing a group at the same moment', () => {
  it('concurrent choices fill the capacity exactly and the rest are refused as full', async () => {
    const w = await burstWorld(30, 20);
    const watcher = await connectAs(t.url, w.organizer, w.event.slug);
    try {
      const replies = await Promise.all(
        w.people.map((p) =>
          t.app.inject({
            method: 'POST',
            url: `/api/phases/${w.phaseId}/choose`,
            payload: { roomId: w.groupId },
            headers: { cookie: p.cookie },
          }),
        ),
      );
      const statuses = replies.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(statuses.filter((s) => s === 409)).toHaveLength(10);
      for (const refused of replies.filter((r) => r.statusCode === 409)) {
        expect(refused.json().error).toEqual({
          code: 'conflict',
          message: 'AG Knapp is full (20 places).',
        });
      }
      expect(await stored(w.phaseId, w.groupId)).toBe(20);
      // Each chooser's answer already holds its own place.
      for (const chosen of replies.filter((r) => r.statusCode === 200)) {
        expect((chosen.json() as Phase).groups[0]!.assigned).toBeGreaterThan(0);
      }

      // The other sockets learn the final state, in fewer broadcasts than there were choices,
      // none of them counting more than was stored, and never going back.
      await watcher.inbox.waitFor('phase:updated', (p) => p.groups[0]!.assigned === 20);
      const seen = watcher.inbox
        .all('phase:updated')
        .filter((p) => p.id === w.phaseId)
        .map((p) => p.groups[0]!.assigned);
      expect(seen.length).toBeLessThan(20);
      expect(seen.every((n, i) => n <= 20 && (i === 0 || n >= seen[i - 1]!))).toBe(true);
    } finally {
      closeAll(watcher.socket);
    }
  }, 60_000);

  it('a person who asks for a place twice at once takes one place', async () => {
    const w = await burstWorld(1, 3);
    const [anna] = w.people;
    const replies = await Promise.all(
      [1, 2, 3].map(() =>
        t.app.inject({
          method: 'POST',
          url: `/api/phases/${w.phaseId}/choose`,
          payload: { roomId: w.groupId },
          headers: { cookie: anna!.cookie },
        }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await stored(w.phaseId, w.groupId)).toBe(1);
  });

  it('changes within the window reach the event as one phase:updated with all of them', async () => {
    const w = await burstWorld(3, 5);
    const watcher = await connectAs(t.url, w.organizer, w.event.slug);
    try {
      // Stored first (as the route does), then announced, all within one window.
      for (const p of w.people) {
        await t.app.db
          .insert(assignments)
          .values({ phaseId: w.phaseId, personId: p.personId, roomId: w.groupId, source: 'self' });
      }
      const views = await Promise.all(
        w.people.map(() => phaseUpdatedSoon(t.app.realtime.io, t.app.db, w.phaseId)),
      );
      expect(new Set(views).size).toBe(1);
      expect(views[0]!.groups[0]!.assigned).toBe(3);
      await watcher.inbox.waitFor('phase:updated', (p) => p.id === w.phaseId);
      // A later change is a new window: it is sent too, with what is stored then.
      await t.app.db.delete(assignments).where(eq(assignments.personId, w.people[0]!.personId));
      const later = await phaseUpdatedSoon(t.app.realtime.io, t.app.db, w.phaseId);
      expect(later.groups[0]!.assigned).toBe(2);
      await watcher.inbox.waitFor('phase:updated', (p) => p.groups[0]!.assigned === 2);
      expect(watcher.inbox.all('phase:updated').filter((p) => p.id === w.phaseId)).toHaveLength(2);
    } finally {
      closeAll(watcher.socket);
    }
  });
});
