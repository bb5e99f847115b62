import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { AppError } from '../lib/app-error.ts';
import { helmetHeaders } from './security-headers.ts';

export interface SecurityOptions {
  sessionSecret: string;
  /** Origins allowed to make state-changing requests and open sockets. */
  allowedOrigins: string[];
  /** LiveKit signalling URL(s) the browser must reach. */
  livekitOrigins: string[];
}

/**
 * Headers, cookies and the CSRF guard. The CSP allows only our own origin, plus
 * LiveKit for signalling; there is nothing from third parties to allow.
 */
export default fp<SecurityOptions>(
  async (app, opts) => {
    await app.register(cookie, { secret: opts.sessionSecret });
    const headers = helmetHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", ...opts.livekitOrigins],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: opts.allowedOrigins.some((o) => o.startsWith('https:')),
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
    // No limit per address here: 110 people behind one office proxy share one. Invitation links
    // count failed guesses per address (features/invitations/guess-throttle.ts).

    // Nearly every answer of the API is about people (names, roles, chat, notes): no browser
    // cache or shared proxy keeps a copy. Routes that may be cached say so themselves.
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
    });

    // CSRF: SameSite=Lax cookies plus an Origin check on every state-changing request.
    app.addHook('onRequest', async (request) => {
      if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
      const origin = request.headers.origin;
      if (origin && !opts.allowedOrigins.includes(origin)) {
        throw new AppError('forbidden', `Requests from origin ${origin} are not allowed.`);
      }
    });
  },
  { name: 'security', dependencies: ['errors'] },
);
