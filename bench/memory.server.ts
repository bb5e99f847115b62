/**
 * The server side of bench/memory.ts, a child process. `plenum`: the real app on a throwaway
 * database with N attendees (sessions in bulk). `bare`: a plain Socket.IO server whose sockets
 * join their person's room and the event's, as Plenum's do. Both answer `{ type: 'memory' }`
 * with process.memoryUsage() after a full GC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import {
  addMembers,
  answer,
  listenOnLoopback,
  memoryNow,
  onStop,
  runChild,
  send,
  startPlenum,
} from './lib/server-child.ts';

const clients = Number(process.argv[3] ?? 1000);

answer('memory', async () => ({ type: 'memory', ...memoryNow() }));
await runChild((mode) => (mode === 'bare' ? startBare() : startPlenumServer()));

async function startPlenumServer() {
  const { app, event } = await startPlenum();
  const { cookies } = await addMembers(app, event.id, clients, 'attendee');
  const port = await listenOnLoopback(app);
  send({ type: 'ready', port, slug: event.slug, cookies });
}

async function startBare() {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.on('connection', (socket) => {
    const personId = /bench_person=([^;]+)/.exec(socket.handshake.headers.cookie ?? '')?.[1];
    void socket.join(['event', `person:${personId}`]);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onStop(async () => {
    await io.close();
  });
  const cookies = Array.from({ length: clients }, () => `bench_person=${crypto.randomUUID()}`);
  send({ type: 'ready', port: (http.address() as AddressInfo).port, slug: '', cookies });
}
