import net, { type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/*
 * Node takes one new connection per turn of its event loop (libuv ≥ 1.45, so Node 20 and 24
 * alike). In a join storm a turn lasts ~3–5 ms, and a thousand browsers opening their sockets
 * waited in the kernel's accept queue, not in Plenum: ~100 ms of a join's ~130 ms socket step
 * (bench/README.md, "The accept queue, and Node 24"). Several listening sockets on one port
 * (SO_REUSEPORT) each take one per turn; the kernel spreads new connections over them.
 */

/** `listen({ reusePort })` exists from Node 22.12 and 23.1; older versions ignore the option. */
export function canSharePort(nodeVersion = process.versions.node): boolean {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major >= 24 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
}

/**
 * How many sockets to listen on: as wanted where Node can share the port and the host is one
 * address (a name such as `localhost` makes Fastify bind each of its addresses), else one.
 */
export function listeningSocketCount(
  wanted: number,
  host: string,
  nodeVersion = process.versions.node,
): number {
  return wanted > 1 && canSharePort(nodeVersion) && net.isIP(host) !== 0 ? wanted : 1;
}

/**
 * The app listens on `sockets` sockets sharing one port; the extra ones hand what they accept to
 * the app's HTTP server (as a plain listener would), and stop listening when the app closes.
 * Returns how many sockets listen.
 */
export async function listenOnSharedPort(
  app: FastifyInstance,
  opts: { port: number; host: string; sockets: number },
): Promise<number> {
  const count = listeningSocketCount(opts.sockets, opts.host);
  if (count === 1) {
    await app.listen({ port: opts.port, host: opts.host });
    return 1;
  }
  // A shared port would let a second node started on it by mistake take half the connections
  // without a word; bound once without sharing first, it fails as a plain listen would.
  if (opts.port !== 0) await bindAlone(opts.host, opts.port);
  // Fastify and net.Server pass it to libuv as it is; @types/node 20 does not know it yet.
  const sharing = { reusePort: true };
  const extra: net.Server[] = [];
  app.addHook('preClose', async () => {
    await Promise.all(extra.map((server) => new Promise((resolve) => server.close(resolve))));
  });
  await app.listen({ port: opts.port, host: opts.host, ...sharing });
  const { port } = app.server.address() as AddressInfo;
  for (let i = 1; i < count; i++) {
    // As Node's HTTP server makes its own: half-open allowed (HTTP needs it), no Nagle delay.
    const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) =>
      app.server.emit('connection', socket),
    );
    extra.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host: opts.host, ...sharing }, () => {
        server.off('error', reject);
        server.on('error', (err) => app.log.error({ err }, 'an extra listening socket failed'));
        resolve();
      });
    });
  }
  return count;
}

/** Binds the TCP port alone for a moment: rejects with the bind's own error (EADDRINUSE …). */
export function bindAlone(host: string | undefined, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
