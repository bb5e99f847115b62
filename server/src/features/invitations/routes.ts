import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedInvitation,
  EventSlugParams,
  Invitation,
  InvitationInput,
  InvitationPreview,
  InvitationTokenParams,
  Person,
  RedeemInput,
  Role,
} from '@plenum/shared';
import { requireEventActor } from '../access/actor.ts';
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
  /** Redeem and preview attempts per minute and IP: guessing links must not pay off. */
  authRateLimit: number;
}

const invitationRoutes: FastifyPluginAsyncZod<InvitationRouteOptions> = async (app, opts) => {
  const rateLimit = { max: opts.authRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/invitations/:token',
    {
      config: { rateLimit },
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link leads to (event and role)',
        params: InvitationTokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => previewInvitation(app.db, request.params.token),
  );

  app.post(
    '/api/invitations/:token/redeem',
    {
      config: { rateLimit },
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
      const result = await redeemInvitation(app.db, request.params.token, request.body, {
        sessionDays: opts.sessionDays,
        sessionIdleHours: opts.sessionIdleHours,
        signedInPersonId: signedIn?.personId ?? null,
      });
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
