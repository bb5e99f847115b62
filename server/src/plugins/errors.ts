import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '@plenum/shared';
import { AppError, databaseUnavailable, unstorableInput } from '../lib/app-error.ts';

/** One place turns every failure into `{ error: { code, message } }`; no stack reaches a client. */
export default fp<{ spaFallback: boolean }>(
  async (app, opts) => {
    app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
      if (err instanceof AppError) {
        return reply.status(err.status).send(body(err.code, err.message, err.fields, err.reason));
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const fields: Record<string, string> = {};
        for (const v of err.validation) {
          const where = (v.instancePath || '/').replace(/^\//, '').replace(/\//g, '.');
          fields[`${err.validationContext ?? 'body'}${where ? '.' + where : ''}`] =
            v.message ?? 'invalid';
        }
        const list = Object.entries(fields)
          .map(([k, m]) => `${k}: ${m}`)
          .join('; ');
        return reply.status(400).send(body('validation_failed', `Invalid input — ${list}`, fields));
      }
      const unstorable = unstorableInput(err);
      if (unstorable) {
        request.log.warn({ err }, 'input the database cannot store');
        return reply.status(400).send(body(unstorable.code, unstorable.message));
      }
      const status = err.statusCode ?? 500;
      if (status === 429) return reply.status(429).send(body('rate_limited', err.message));
      if (status === 413) {
        return reply.status(413).send(body('payload_too_large', 'The request body is too large.'));
      }
      if (status >= 400 && status < 500) {
        return reply.status(status).send(body('bad_request', err.message));
      }
      const unavailable = databaseUnavailable(err);
      if (unavailable) {
        request.log.warn({ err }, 'database unavailable');
        return reply.status(503).send(body(unavailable.code, unavailable.message));
      }
      request.log.error({ err }, 'unhandled error');
      return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
    });

    app.setNotFoundHandler((request, reply) => {
      // The client routes deep links (/join/…, /e/…) itself: serve it index.html.
      const path = request.url.split('?')[0] ?? '';
      const isApi = path.startsWith('/api/') || path.startsWith('/socket.io');
      if (opts.spaFallback && request.method === 'GET' && !isApi)
        return reply.sendFile('index.html');
      return reply.status(404).send(body('not_found', `No route ${request.method} ${request.url}`));
    });
  },
  { name: 'errors' },
);

function body(
  code: ErrorBody['error']['code'],
  message: string,
  fields?: Record<string, string>,
  reason?: string,
) {
  return {
    error: { code, message, ...(fields && { fields }), ...(reason && { reason }) },
  } satisfies ErrorBody;
}
