import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AccessToken } from 'livekit-server-sdk';
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

/**
 * Redeems an invitation link as a browser would, optionally as an already signed-in member (one
 * person, two events); returns the session cookie.
 */
export async function redeem(
  app: FastifyInstance,
  eventId: string,
  role: Role,
  body: { displayName: string; email?: string },
  signedIn?: Member,
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
    payload: body,
    headers: signedIn ? { cookie: signedIn.cookie } : {},
  });
  if (res.statusCode !== 200) throw new Error(`redeem failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return { personId: res.json().person.id, cookie: `${SESSION_COOKIE}=${cookie.value}`, role };
}

/** Joins an event through a real invitation link under a display name. */
export function join(
  app: FastifyInstance,
  eventId: string,
  role: Role,
  displayName = `${role} ${++counter}`,
): Promise<Member> {
  return redeem(app, eventId, role, { displayName });
}

/** A LiveKit webhook, signed with the app's key as LiveKit signs it, through the real route. */
export async function postWebhook(app: FastifyInstance, event: object) {
  const body = JSON.stringify(event);
  const token = new AccessToken(app.livekit.apiKey, app.livekit.apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  const res = await app.inject({
    method: 'POST',
    url: '/api/livekit/webhook',
    payload: body,
    headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
  });
  if (res.statusCode !== 200) throw new Error(`webhook failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

let sid = 0;
const seconds = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));

/** One LiveKit participant session from join to leave, as two webhooks. */
export async function attend(
  app: FastifyInstance,
  roomId: string,
  personId: string,
  joinedAt: string,
  leftAt: string | null,
) {
  const participant = {
    sid: `PA_${++sid}_${Date.now()}`,
    identity: personId,
    joinedAt: seconds(joinedAt),
  };
  const base = { room: { name: roomId }, participant };
  await postWebhook(app, {
    ...base,
    event: 'participant_joined',
    id: `EV_${participant.sid}_j`,
    createdAt: seconds(joinedAt),
  });
  if (leftAt) {
    await postWebhook(app, {
      ...base,
      event: 'participant_left',
      id: `EV_${participant.sid}_l`,
      createdAt: seconds(leftAt),
    });
  }
  return participant.sid;
}
