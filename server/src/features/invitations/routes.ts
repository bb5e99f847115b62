import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedInvitation,
  EventSlugParams,
  Invitation,
  InvitationInput,
  InvitationPreview,
  InvitationTokenParams,
  OperatorInfo,
  Person,
  RedeemInput,
  Role,
} from '@plenum/shared';
import { AppError } from '../../lib/app-error.ts';
import { requireEventActor } from '../access/actor.ts';
import { GuessThrottle } from './guess-throttle.ts';
import { redisPrefix } from '../../plugins/redis.ts';
import {
  createInvitation,
  invitationLink,
  listInvitations,
  previewInvitation,
  redeemInvitation,
  revokeInvitation,
  toInvitation,
} from './service.ts';

export interface InvitationRouteOptions {
  publicUrl: string;
  sessionDays: number;
  sessionIdleHours?: number;
  /** Unknown or unusable links per minute and address: guessing links must not pay off. */
  authRateLimit: number;
  /** Who runs the instance (OPERATOR_NAME, PRIVACY_URL, IMPRINT_URL): shown where people join. */
  operator?: { name?: string; privacyUrl?: string; imprintUrl?: string };
}

const invitationRoutes: FastifyPluginAsyncZod<InvitationRouteOptions> = async (app, opts) => {
  const throttle = new GuessThrottle(
    opts.authRateLimit,
    app.redis,
    app.redis ? await redisPrefix(app.db) : '',
  );

  /** Looks a link up unless the address has spent its failed tries; a failure costs one. */
  async function guarded<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    lookUp: () => Promise<T>,
  ) {
    const wait = await throttle.waitSeconds(request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError(
        'rate_limited',
        `Too many invalid invitation links from this address; try again in ${wait} s.`,
      );
    }
    try {
      return await lookUp();
    } catch (err) {
      if (err instanceof AppError && (err.code === 'not_found' || err.code === 'gone')) {
        await throttle.fail(request.ip);
      }
      throw err;
    }
  }

  app.get(
    '/api/operator',
    {
      schema: {
        tags: ['invitations'],
        summary: "The instance's operator and the links to its privacy notice and imprint",
        response: { 200: OperatorInfo },
      },
    },
    async () => ({
      name: opts.operator?.name ?? null,
      privacyUrl: opts.operator?.privacyUrl ?? null,
      imprintUrl: opts.operator?.imprintUrl ?? null,
    }),
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link leads to (event and role)',
        params: InvitationTokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (request, reply) =>
      guarded(request, reply, () => previewInvitation(app.db, request.params.token)),
  );

  app.post(
    '/api/invitations/:token/redeem',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Join the event with a display name; sets the session cookie',
        params: InvitationTokenParams,
        body: RedeemInput,
        response: {
          200: z.object({
            event: z.object({ slug: z.string(), title: z.string() }),
            person: Person,
            role: Role,
          }),
        },
      },
    },
    async (request, reply) => {
      const signedIn = await request.currentPerson();
      const result = await guarded(request, reply, () =>
        redeemInvitation(app.db, request.params.token, request.body, {
          sessionDays: opts.sessionDays,
          sessionIdleHours: opts.sessionIdleHours,
          signedInPersonId: signedIn?.personId ?? null,
        }),
      );
      app.sessionActivity.started(result.session.sessionId);
      reply.setSessionCookie(result.session.secret, result.session.expiresAt);
      return { event: result.event, person: result.person, role: result.role };
    },
  );

  app.get(
    '/api/events/:slug/invitations',
    {
      schema: {
        tags: ['invitations'],
        params: EventSlugParams,
        response: { 200: z.array(Invitation) },
      },
    },
    async (request) => {
      const { event } = await requireEventActor(request, request.params.slug, {
        action: 'invitation.manage',
        what: 'manage invitations',
      });
      return listInvitations(app.db, event.id);
    },
  );

  app.post(
    '/api/events/:slug/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Create an invitation link for one role; the link is shown only now',
        params: EventSlugParams,
        body: InvitationInput,
        response: { 201: CreatedInvitation },
      },
    },
    async (request, reply) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'invitation.manage',
        what: 'manage invitations',
      });
      const { row, token } = await createInvitation(
        app.db,
        event.id,
        request.body,
        person.personId,
      );
      return reply
        .status(201)
        .send({ ...toInvitation(row), token, link: invitationLink(opts.publicUrl, token) });
    },
  );

  app.delete(
    '/api/events/:slug/invitations/:invitationId',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke an invitation link',
        params: EventSlugParams.extend({ invitationId: z.uuid() }),
        response: { 200: Invitation },
      },
    },
    async (request) => {
      const { person, event } = await requireEventActor(request, request.params.slug, {
        action: 'invitation.manage',
        what: 'manage invitations',
      });
      return revokeInvitation(app.db, event.id, request.params.invitationId, person.personId);
    },
  );
};
export default invitationRoutes;
