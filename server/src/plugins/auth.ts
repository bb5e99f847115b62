import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';
import {
  findSession,
  sessionActivity,
  type SessionActivity,
  type SessionLifetime,
  type SessionPerson,
} from '../features/sessions/service.ts';

export const SESSION_COOKIE = 'plenum_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Resolved lazily, once per request. */
    currentPerson(): Promise<SessionPerson | null>;
    /** The signed-in person, or a 401. */
    requirePerson(): Promise<SessionPerson>;
  }
  interface FastifyInstance {
    /** Notes that a session was used, which moves its idle deadline on (throttled). */
    sessionActivity: SessionActivity;
  }
  interface FastifyReply {
    setSessionCookie(secret: string, expiresAt: Date): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

export const notSignedIn = () =>
  new AppError('unauthenticated', 'Please sign in with your invitation link.');

/** Reads the session cookie for a request; other modules (Socket.IO handshake) reuse it. */
export function readSessionSecret(
  unsign: (value: string) => { valid: boolean; value: string | null },
  raw: string | undefined,
): string | null {
  if (!raw) return null;
  const { valid, value } = unsign(raw);
  return valid && value ? value : null;
}

export default fp<{ secureCookies: boolean; sessionLifetime?: SessionLifetime }>(
  async (app, opts) => {
    const cache = new WeakMap<FastifyRequest, Promise<SessionPerson | null>>();
    const activity = sessionActivity(app.db, opts.sessionLifetime ?? { days: 30, idleHours: 12 });
    app.decorate('sessionActivity', activity);
    app.decorateRequest('currentPerson', function (this: FastifyRequest) {
      let pending = cache.get(this);
      if (!pending) {
        const secret = readSessionSecret((v) => this.unsignCookie(v), this.cookies[SESSION_COOKIE]);
        pending = secret ? findSession(app.db, secret) : Promise.resolve(null);
        void pending.then(
          (person) => person && activity.seen(person.sessionId),
          () => {},
        );
        cache.set(this, pending);
      }
      return pending;
    });
    app.decorateRequest('requirePerson', async function (this: FastifyRequest) {
      const person = await this.currentPerson();
      if (!person) throw notSignedIn();
      return person;
    });
    app.decorateReply(
      'setSessionCookie',
      function (this: FastifyReply, secret: string, expiresAt: Date) {
        return this.setCookie(SESSION_COOKIE, secret, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.secureCookies,
          signed: true,
          expires: expiresAt,
        });
      },
    );
    app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
      return this.clearCookie(SESSION_COOKIE, { path: '/' });
    });
  },
  { name: 'auth', dependencies: ['db', 'security'] },
);
