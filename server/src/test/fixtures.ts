import type { FastifyInstance } from 'fastify';
import type { Role } from '@plenum/shared';
import { createEvent } from '../features/events/service.ts';
import { createInvitation } from '../features/invitations/service.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';

export interface Member {
  personId: string;
  cookie: string;
  role: Role;
}

let counter = 0;

/** An event with a plenary, made through the service as the CLI would. */
export async function seedEvent(app: FastifyInstance, slug = `event-${++counter}-${Date.now()}`) {
  return createEvent(
    app.db,
    {
      slug,
      title: `Testforum ${counter}`,
      description: '',
      timeZone: 'Europe/Berlin',
      startsAt: '2026-03-12T08:00:00.000Z',
      endsAt: '2026-03-13T15:00:00.000Z',
    },
    null,
  );
}

/** Joins an event through a real invitation link, as a browser would; returns the session cookie. */
export async function join(
  app: FastifyInstance,
  eventId: string,
  role: Role,
  displayName = `${role} ${++counter}`,
): Promise<Member> {
  const { token } = await createInvitation(
    app.db,
    eventId,
    { role, label: 'test', maxUses: null, expiresAt: null },
    null,
  );
  const res = await app.inject({
    method: 'POST',
    url: `/api/invitations/${token}/redeem`,
    payload: { displayName },
  });
  if (res.statusCode !== 200) throw new Error(`redeem failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return { personId: res.json().person.id, cookie: `${SESSION_COOKIE}=${cookie.value}`, role };
}
