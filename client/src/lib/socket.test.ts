import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server, type Socket as ServerSocket } from 'socket.io';
import type { ChatMessage } from '@plenum/shared';
import { connectRealtime, type ConnectionState, type Realtime } from './socket.ts';

const roomId = '00000000-0000-4000-8000-000000000001';

function message(id: number): ChatMessage {
  return {
    id,
    clientId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    roomId,
    scope: 'room',
    author: null,
    body: `m${id}`,
    createdAt: '2026-03-12T09:00:00Z',
    pinned: false,
  };
}

interface TestServer {
  url: string;
  io: Server;
  sockets: ServerSocket[];
  close(): Promise<void>;
}

/** A real Socket.IO server standing in for Plenum's: handlers are set per test. */
async function startServer(
  setup: (socket: ServerSocket) => void,
  refuse?: string,
  recovery = false,
): Promise<TestServer> {
  const http: HttpServer = createServer();
  const ioServer = new Server(
    http,
    recovery ? { connectionStateRecovery: { maxDisconnectionDuration: 60_000 } } : {},
  );
  const sockets: ServerSocket[] = [];
  if (refuse) {
    ioServer.use((_socket, next) =>
      next(Object.assign(new Error(refuse), { data: { code: 'unauthenticated' } })),
    );
  }
  ioServer.on('connection', (socket) => {
    sockets.push(socket);
    setup(socket);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    io: ioServer,
    sockets,
    close: () => new Promise((resolve) => ioServer.close(() => resolve())),
  };
}

const clients: Realtime[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
});

async function setUp(
  setup: (socket: ServerSocket) => void = () => {},
  refuse?: string,
  recovery = false,
) {
  const server = await startServer(setup, refuse, recovery);
  servers.push(server);
  const realtime = connectRealtime({
    slug: 'forum',
    url: server.url,
    ackTimeoutMs: 300,
    ioOptions: { transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 50 },
    resyncSpreadMs: 50,
  });
  clients.push(realtime);
  return { server, realtime };
}

function waitForState(
  realtime: Realtime,
  status: ConnectionState['status'],
): Promise<ConnectionState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never ${status}`)), 3000);
    const check = () => {
      const state = realtime.getState();
      if (state.status !== status) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    };
    const stop = realtime.subscribe(check);
    check();
  });
}

describe('realtime client', () => {
  it('names the event in the handshake', async () => {
    let auth: unknown;
    await setUp((socket) => (auth = socket.handshake.auth)).then(({ realtime }) =>
      waitForState(realtime, 'connected'),
    );
    expect(auth).toEqual({ event: 'forum' });
  });

  it('resolves a request with the reply of a successful ack', async () => {
    const { realtime } = await setUp((socket) =>
      socket.on('hand:list', (_payload, ack) => ack({ ok: true, hands: [] })),
    );
    await expect(realtime.request('hand:list', { roomId })).resolves.toEqual({ hands: [] });
  });

  it('rejects with the server’s code when the ack says no', async () => {
    const { realtime } = await setUp((socket) =>
      socket.on('hand:raise', (_payload, ack) =>
        ack({ ok: false, error: { code: 'forbidden', message: 'You are not in this room.' } }),
      ),
    );
    await expect(realtime.request('hand:raise', { roomId })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You are not in this room.',
    });
  });

  it('gives up with a timeout when no ack comes', async () => {
    const { realtime } = await setUp();
    await expect(realtime.request('presence:list', {})).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reports a lost connection and its return', async () => {
    const { server, realtime } = await setUp();
    await waitForState(realtime, 'connected');
    server.sockets[0]!.conn.close();
    await waitForState(realtime, 'reconnecting');
    await expect(waitForState(realtime, 'connected')).resolves.toEqual({
      status: 'connected',
      recovered: false,
    });
  });

  it('reports a refused handshake and does not retry', async () => {
    const { realtime } = await setUp(() => {}, 'Please join with your invitation link.');
    await expect(waitForState(realtime, 'refused')).resolves.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('catches up the chat of a room since the last seen id after a reconnect, page by page', async () => {
    const asked: number[] = [];
    const { server, realtime } = await setUp((socket) =>
      socket.on('chat:catchUp', ({ since }: { since: number }, ack) => {
        asked.push(since);
        const messages = since === 7 ? [message(8), message(9)] : since === 9 ? [message(10)] : [];
        ack({
          ok: true,
          messages,
          hasMore: since === 7,
          deletedIds: since === 7 ? [5] : [],
          pinned: [],
          locked: false,
        });
      }),
    );
    await waitForState(realtime, 'connected');
    realtime.noteChatSeen(roomId, 7);
    const caughtUp = new Promise<{ ids: number[]; deleted: number[] }>((resolve) =>
      realtime.onChatCaughtUp((room, result) =>
        resolve({ ids: result.messages.map((m) => m.id), deleted: result.deletedIds }),
      ),
    );
    let resynced = false;
    realtime.onResync(() => (resynced = true));
    server.sockets[0]!.conn.close();
    await expect(caughtUp).resolves.toEqual({ ids: [8, 9, 10], deleted: [5] });
    expect(asked).toEqual([7, 9]);
    expect(resynced).toBe(true);
  });

  it('does not catch up when the server recovered the session with the missed packets', async () => {
    let asked = false;
    const { server, realtime } = await setUp(
      (socket) => socket.on('chat:catchUp', () => (asked = true)),
      undefined,
      true,
    );
    await waitForState(realtime, 'connected');
    realtime.noteChatSeen(roomId, 3);
    // Recovery needs one broadcast received first: that is what gives the client an offset.
    const received = new Promise((resolve) => realtime.on('chat:message', resolve));
    server.io.emit('chat:message', message(4));
    await received;
    server.sockets[0]!.conn.close();
    await waitForState(realtime, 'reconnecting');
    await expect(waitForState(realtime, 'connected')).resolves.toEqual({
      status: 'connected',
      recovered: true,
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toBe(false);
  });

  it('catches up when the server says broadcasts between its nodes may have been lost', async () => {
    const asked: number[] = [];
    const { server, realtime } = await setUp((socket) =>
      socket.on('chat:catchUp', ({ since }: { since: number }, ack) => {
        asked.push(since);
        ack({
          ok: true,
          messages: [message(5)],
          hasMore: false,
          deletedIds: [],
          pinned: [],
          locked: false,
        });
      }),
    );
    await waitForState(realtime, 'connected');
    realtime.noteChatSeen(roomId, 4);
    const caughtUp = new Promise<number[]>((resolve) =>
      realtime.onChatCaughtUp((_room, result) => resolve(result.messages.map((m) => m.id))),
    );
    // Two nodes each say so: one catch-up.
    server.io.emit('socket:resync', { reason: 'nodes_reconnected' });
    server.io.emit('socket:resync', { reason: 'nodes_reconnected' });
    await expect(caughtUp).resolves.toEqual([5]);
    await new Promise((r) => setTimeout(r, 100));
    expect(asked).toEqual([4]);
    expect(realtime.getState()).toEqual({ status: 'connected', recovered: false });
  });

  it.each([
    ['the server could not check the session for the moment', 'unavailable'],
    ['the server keeps a session out after a flood', 'rate_limited'],
  ])('tries again while %s', async (_when, code) => {
    const server = await startServer(() => {});
    servers.push(server);
    let refusals = 0;
    server.io.use((_socket, next) =>
      refusals++ < 2
        ? next(Object.assign(new Error('Please try again.'), { data: { code } }))
        : next(),
    );
    const realtime = connectRealtime({
      slug: 'forum',
      url: server.url,
      ioOptions: { transports: ['websocket'] },
      retryAfterUnavailableMs: 20,
    });
    clients.push(realtime);
    const seen: string[] = [];
    realtime.subscribe(() => seen.push(realtime.getState().status));
    await waitForState(realtime, 'connected');
    expect(refusals).toBe(3);
    expect(seen).not.toContain('refused');
  });

  it('does not catch up on the first connect', async () => {
    let asked = false;
    const { realtime } = await setUp((socket) => socket.on('chat:catchUp', () => (asked = true)));
    realtime.noteChatSeen(roomId, 3);
    await waitForState(realtime, 'connected');
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toBe(false);
  });

  it('reconnects by itself after the server hung up on purpose', async () => {
    const server = await startServer(() => {});
    servers.push(server);
    const realtime = connectRealtime({
      slug: 'forum',
      url: server.url,
      retryAfterKickMs: 20,
      ioOptions: { transports: ['websocket'] },
    });
    clients.push(realtime);
    await waitForState(realtime, 'connected');
    server.sockets[0]!.disconnect(true);
    await waitForState(realtime, 'reconnecting');
    await waitForState(realtime, 'connected');
  });

  it('stays ended when the server closes the connection with a reason, until asked to reconnect', async () => {
    const server = await startServer(() => {});
    servers.push(server);
    const realtime = connectRealtime({
      slug: 'forum',
      url: server.url,
      retryAfterKickMs: 20,
      ioOptions: { transports: ['websocket'] },
    });
    clients.push(realtime);
    await waitForState(realtime, 'connected');
    const first = server.sockets[0]!;
    // As the server's closeWithNotice does: the reason first, then the hang-up.
    first.emit('socket:closed', { reason: 'session_ended', message: 'Your session has ended.' });
    first.disconnect(true);
    await expect(waitForState(realtime, 'ended')).resolves.toEqual({
      status: 'ended',
      reason: 'session_ended',
    });
    // A kicked connection would be back after 20 ms; an ended one does not come back by itself.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.sockets).toHaveLength(1);
    expect(realtime.getState().status).toBe('ended');

    realtime.reconnect();
    await waitForState(realtime, 'connected');
    expect(server.sockets).toHaveLength(2);
  });

  it('is closed after close()', async () => {
    const { realtime } = await setUp();
    await waitForState(realtime, 'connected');
    realtime.close();
    expect(realtime.getState()).toEqual({ status: 'closed' });
  });
});
