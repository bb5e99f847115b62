import fp from 'fastify-plugin';
import { refusal } from '../../realtime/handshake.ts';

export interface Drain {
  /** True from `begin()` on: readiness answers 503 and new sockets are refused. */
  readonly draining: boolean;
  /** The node is about to stop (SIGTERM): let the balancer and the clients move elsewhere. */
  begin(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    drain: Drain;
  }
}

/**
 * A node that drains keeps serving who is connected, but takes nobody new: readiness says 503
 * (the balancer stops sending people), and a new socket is refused as `unavailable`, which the
 * client retries through the balancer, on another node. Closing the app then ends the open
 * sockets as a transport close (socket-io plugin), so those clients reconnect by themselves too.
 */
export default fp(
  async (app) => {
    let draining = false;
    app.decorate('drain', {
      get draining() {
        return draining;
      },
      begin() {
        if (draining) return;
        draining = true;
        app.log.info('draining: not ready, refusing new sockets');
      },
    });
    app.realtime.io.use((_socket, next) =>
      draining
        ? next(refusal('unavailable', 'This server is stopping; connecting to another one.'))
        : next(),
    );
  },
  { name: 'drain', dependencies: ['socket-io'] },
);
