/**
 * The server side of bench/join-storm.ts, a child process with a core of its own.
 * `plenum`: the real app on a throwaway database, one event, invitation links made by the service
 * (one link with maxUses M, or M links with --links-each), the per-IP auth limit lifted, and the
 * driver's real LiveKit. `bare`: Fastify + Socket.IO with no database: redeeming sets a signed
 * cookie, the socket handshake checks it in memory, and the token is minted by the same
 * mintRoomToken as Plenum's.
 */
import { randomBytes } from 'node:crypto';
import { listenOnLoopback, onStop, runChild, send, startPlenum } from './lib/server-child.ts';
import { countWork } from './lib/work-counters.ts';

const attendees = Number(process.argv[3] ?? 1000);
const linksEach = process.argv[4] === 'each';

await runChild((mode) => (mode === 'bare' ? startBare() : startPlenumServer()));

async function startPlenumServer() {
  countWork({ sql: true });
  const trace = process.env.BENCH_TRACE ? await import('./lib/join-trace.ts') : null;
  trace?.tracePg();
  const { createInvitation } = await import('../server/src/features/invitations/service.ts');
  const { app, event, plenaryId, listenSockets } = await startPlenum({ authRateLimit: 1_000_000 });
  const tokens: string[] = [];
  await app.db.transaction(async (tx) => {
    for (let i = 0; i < (linksEach ? attendees : 1); i++) {
      const { token } = await createInvitation(
        tx,
        event.id,
        {
          role: 'attendee',
          label: `Bench ${i + 1}`,
          maxUses: linksEach ? 1 : attendees,
          expiresAt: null,
        },
        null,
      );
      tokens.push(token);
    }
  });
  trace?.traceSockets(app);
  const port = await listenOnLoopback(app, listenSockets);
  send({ type: 'ready', port, slug: event.slug, plenaryId, tokens });
}

async function startBare() {
  countWork({ sql: false });
  const { default: Fastify } = await import('fastify');
  const { default: cookie } = await import('@fastify/cookie');
  const { Server } = await import('socket.io');
  const { mintRoomToken } = await import('../server/src/features/livekit/token.ts');
  const { mediaRightsFor } = await import('../server/src/features/livekit/grants.ts');
  const livekit = JSON.parse(process.env.BENCH_LIVEKIT ?? '{}') as {
    url: string;
    apiKey: string;
    apiSecret: string;
  };

  const app = Fastify({ logger: false });
  await app.register(cookie, { secret: randomBytes(32).toString('hex') });
  const sessions = new Map<string, { personId: string; displayName: string }>();
  const personOf = (raw: string | undefined) => {
    const unsigned = raw ? app.unsignCookie(raw) : null;
    return unsigned?.valid && unsigned.value ? sessions.get(unsigned.value) : undefined;
  };

  app.post<{ Params: { token: string }; Body: { displayName: string } }>(
    '/api/invitations/:token/redeem',
    async (request, reply) => {
      const secret = randomBytes(32).toString('base64url');
      const person = { personId: crypto.randomUUID(), displayName: request.body.displayName };
      sessions.set(secret, person);
      reply.setCookie('plenum_session', secret, { path: '/', httpOnly: true, signed: true });
      return {
        event: { slug: 'bare', title: 'Bare' },
        person: { id: person.personId, displayName: person.displayName, email: null },
        role: 'attendee',
      };
    },
  );
  app.post<{ Params: { roomId: string } }>('/api/rooms/:roomId/token', async (request, reply) => {
    const person = personOf(request.cookies.plenum_session);
    if (!person) return reply.status(401).send({ error: { code: 'unauthenticated' } });
    const rights = mediaRightsFor({ role: 'attendee', roomKind: 'plenary', promoted: false });
    const token = await mintRoomToken(
      { ...person, roomId: request.params.roomId, rights },
      livekit,
    );
    return {
      url: livekit.url,
      token,
      room: { id: request.params.roomId, name: 'Plenum', kind: 'plenary' },
      rights: { canPublish: false, canSubscribe: true },
    };
  });
  await app.ready();

  const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.use((socket, next) => {
    const raw = app.parseCookie(socket.handshake.headers.cookie ?? '').plenum_session;
    const person = personOf(raw);
    if (!person) return next(new Error('unauthenticated'));
    socket.data = person;
    next();
  });
  io.on('connection', (socket) => {
    void socket.join(['event', `person:${(socket.data as { personId: string }).personId}`]);
  });
  onStop(async () => {
    await io.close();
    await app.close();
  });
  const port = await listenOnLoopback(app);
  send({ type: 'ready', port, slug: '', plenaryId: crypto.randomUUID(), tokens: ['bare'] });
}
