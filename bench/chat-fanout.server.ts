/**
 * The server side of bench/chat-fanout.ts, run as a child process so that the server has a core
 * of its own. `bare`: a plain Socket.IO server that broadcasts what it gets. `plenum`: the real app
 * (buildApp) on a throwaway Postgres database, with one event and one member per client.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

type Ready = { type: 'ready'; port: number; cookies: string[]; roomId: string; slug: string };
const send = (msg: Ready | { type: 'error'; message: string }) => process.send?.(msg);

const mode = process.argv[2];
const clients = Number(process.argv[3] ?? 1000);
let stop: () => Promise<void> = async () => {};

process.on('message', (msg) => {
  if (msg === 'stop') void stop().finally(() => process.exit(0));
});
process.on('disconnect', () => void stop().finally(() => process.exit(0)));

try {
  if (mode === 'bare') await startBare();
  else if (mode === 'plenum') await startPlenum();
  else throw new Error(`unknown mode ${mode}`);
} catch (err) {
  send({ type: 'error', message: (err as Error).stack ?? String(err) });
  process.exit(1);
}

async function startBare() {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  let seq = 0;
  io.on('connection', (socket) => {
    void socket.join('room');
    socket.on('chat:send', (payload: { roomId: string; clientId: string; body: string }, ack) => {
      const message = {
        id: ++seq,
        clientId: payload.clientId,
        roomId: payload.roomId,
        scope: 'room',
        author: { id: socket.id, displayName: 'Bench' },
        body: payload.body,
        createdAt: new Date().toISOString(),
        pinned: false,
      };
      io.to('room').emit('chat:message', message);
      if (typeof ack === 'function') ack({ ok: true, message });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  stop = async () => {
    await io.close();
  };
  const { port } = http.address() as AddressInfo;
  send({ type: 'ready', port, cookies: [], roomId: crypto.randomUUID(), slug: '' });
}

async function startPlenum() {
  const { buildApp } = await import('../server/src/app.ts');
  const { loadConfig } = await import('../server/src/config.ts');
  const { createTestDatabase } = await import('../server/src/test/database.ts');
  const { createEvent } = await import('../server/src/features/events/service.ts');
  const { hashToken, randomToken } = await import('../server/src/lib/tokens.ts');
  const { memberships, people, rooms, sessions } = await import('../server/src/db/schema/index.ts');
  const { and, eq } = await import('drizzle-orm');

  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://127.0.0.1:3999',
    PLENUM_DATA_DIR: '.data/bench',
  });
  const app = await buildApp(config, {
    sessionSecret: randomToken(32),
    livekit: { url: 'ws://127.0.0.1:7880', apiKey: 'bench', apiSecret: randomToken(32) },
    clientDist: null,
  });
  stop = async () => {
    await app.close();
    await database.drop();
  };
  const event = await createEvent(
    app.db,
    {
      slug: 'bench-fanout',
      title: 'Bench',
      description: '',
      timeZone: 'Europe/Berlin',
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    null,
  );
  const [plenary] = await app.db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.eventId, event.id), eq(rooms.kind, 'plenary')));
  // People, memberships and sessions in bulk: redeeming 1000 invitations would measure the wrong thing.
  const cookies: string[] = [];
  for (let offset = 0; offset < clients; offset += 500) {
    const batch = Array.from({ length: Math.min(500, clients - offset) }, (_, i) => ({
      id: crypto.randomUUID(),
      displayName: `Gast ${offset + i + 1}`,
    }));
    await app.db.insert(people).values(batch);
    await app.db
      .insert(memberships)
      .values(batch.map((p) => ({ eventId: event.id, personId: p.id, role: 'attendee' as const })));
    const secrets = batch.map(() => randomToken(32));
    await app.db.insert(sessions).values(
      batch.map((p, i) => ({
        personId: p.id,
        tokenHash: hashToken(secrets[i]!),
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    );
    for (const secret of secrets) {
      cookies.push(`plenum_session=${encodeURIComponent(app.signCookie(secret))}`);
    }
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  send({ type: 'ready', port, cookies, roomId: plenary!.id, slug: event.slug });
}
