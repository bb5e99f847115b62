import { z } from 'zod';
import { WebhookReceiver } from 'livekit-server-sdk';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/app-error.ts';
import { applyWebhookEvent } from './webhook.ts';

/** LiveKit's signed webhooks: verified against the raw body, applied once, attendance recorded. */
const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const receiver = new WebhookReceiver(app.livekit.apiKey, app.livekit.apiSecret);
  // The signature covers the exact bytes: keep the body as a string.
  app.addContentTypeParser(
    ['application/webhook+json', 'application/json'],
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/livekit/webhook',
    {
      schema: {
        tags: ['media'],
        summary: 'LiveKit webhook receiver (signed by LiveKit with the API key)',
        response: {
          200: z.object({
            ok: z.literal(true),
            result: z.enum(['applied', 'duplicate', 'ignored']),
          }),
        },
      },
    },
    async (request) => {
      const body = typeof request.body === 'string' ? request.body : '';
      let event;
      try {
        event = await receiver.receive(body, request.headers.authorization, false, 60);
      } catch {
        throw new AppError('unauthenticated', 'Webhook signature is missing, invalid or stale.');
      }
      // A finished room is gone in LiveKit: the next token for it must create it again.
      if (event.event === 'room_finished' && event.room?.name) {
        app.livekit.known.forget(event.room.name);
      }
      return { ok: true as const, result: await applyWebhookEvent(app.db, event) };
    },
  );
};
export default webhookRoutes;
