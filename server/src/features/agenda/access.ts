import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '@plenum/shared';
import { requireRight, resolveEventActor } from '../access/actor.ts';

const rights = {
  view: null,
  manage: { action: 'agenda.manage', what: 'edit the agenda' },
  run: { action: 'schedule.run', what: 'run the schedule' },
} as const;

/**
 * The event and the caller, for an agenda route: members may view; `manage` and `run` need the
 * matching right (organizers). Non-members get 404, people without a session 401.
 */
export async function agendaCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  slug: string,
  need: keyof typeof rights,
) {
  const person = await request.requirePerson();
  const { event, actor } = await resolveEventActor(app.db, person.personId, slug);
  const right = rights[need];
  if (right) requireRight(can(actor, right.action, { eventId: event.id }), right.what);
  return { event, personId: person.personId };
}
