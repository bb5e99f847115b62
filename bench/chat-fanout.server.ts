/**
 * The server side of bench/chat-fanout.ts, run as a child process so that the server has a core
 * of its own. `bare`: a plain Socket.IO server that broadcasts what it gets. `plenum`: the real app
 * (buildApp) on a throwaway Postgres database, with one event and one member per client.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import {
  addMembers,
  listenOnLoopback,
  onStop,
  runChild,
  send,
  startPlenum,
} from './lib/server-child.ts';

const clients = Number(process.argv[3] ?? 1000);

await runChild((mode) => {
  if (mode === 'bare') return startBare();
  if (mode === 'plenum') return startPlenumServer();
  throw new Error(`unknown mode ${mode}`);
});

async function startPlenumServer() {
  const { app, event, plenaryId } = await startPlenum();
  const { cookies } = await addMembers(app, event.id, clients, 'attendee');
  const port = await listenOnLoopback(app);
  send({ type: 'ready', port, cookies, roomId: plenaryId, slug: event.slug });
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
  onStop(async () => {
    await io.close();
  });
  const { port } = http.address() as AddressInfo;
  send({ type: 'ready', port, cookies: [], roomId: crypto.randomUUID(), slug: '' });
}
