import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AgendaItem } from '@plenum/shared';
import { join, seedEvent, type Member } from '../../test/fixtures.ts';
import { findPlenary } from '../rooms/repository.ts';

/** A fresh event (Berlin, 12–13 March 2026) with an organizer, a moderator and an attendee. */
export async function agendaForum(app: FastifyInstance) {
  const event = await seedEvent(app);
  const plenary = await findPlenary(app.db, event.id);
  const organizer = await join(app, event.id, 'organizer', 'Olga Organisatorin');
  const moderator = await join(app, event.id, 'moderator', 'Moritz Moderator');
  const attendee = await join(app, event.id, 'attendee', 'Anna');
  const base = `/api/events/${event.slug}/agenda`;
  const call = (
    member: Member | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `${base}${path}`,
      payload,
      headers: member ? { cookie: member.cookie } : {},
    });
  const add = async (title: string, startsAt: string, durationMinutes: number, extra = {}) => {
    const res = await call(organizer, 'POST', '', { title, startsAt, durationMinutes, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as AgendaItem;
  };
  const agenda = async () => (await call(attendee, 'GET', '')).json() as AgendaItem[];
  return { event, plenaryId: plenary.id, organizer, moderator, attendee, call, add, agenda };
}

export type AgendaForum = Awaited<ReturnType<typeof agendaForum>>;

export const byTitle = (items: AgendaItem[], title: string) =>
  items.find((i) => i.title === title)!;
