import { fork, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { Member } from './fixtures.ts';

/**
 * One person with many connections, in a process of its own (its work must not delay the clients
 * a test measures): it keeps `sockets` connections open with one session cookie, and each sends
 * every read event every `everyMs`. A connection the server closes is opened again at once, as a
 * hostile script would; a refused handshake is tried again after a second.
 */
export interface ManySocketsTally {
  /** Handshakes the server accepted. */
  connections: number;
  /** Handshakes refused, by error code. */
  refusedConnects: Record<string, number>;
  /** Connections the server closed, by reason (`socket:closed` / `socket:flooded` notices). */
  closed: Record<string, number>;
  /** Most connections open at the same time. */
  mostOpen: number;
  sent: number;
  answered: number;
  /** Refused events, by error code. */
  refused: Record<string, number>;
}

interface Target {
  url: string;
  cookie: string;
  slug: string;
  roomId: string;
  sockets: number;
  everyMs: number;
}

type Command = { type: 'abuse'; on: boolean } | { type: 'finish' };

export interface ManySocketsClient {
  /** Starts or stops; resolves once the child has taken note. */
  abuse(on: boolean): Promise<void>;
  /** Stops, closes every connection and reports the whole run. */
  finish(): Promise<ManySocketsTally>;
  kill(): void;
}

export async function startManySocketsClient(
  target: Omit<Target, 'cookie'> & { member: Member },
): Promise<ManySocketsClient> {
  const { member, ...rest } = target;
  const child: ChildProcess = fork(
    fileURLToPath(import.meta.url),
    [JSON.stringify({ ...rest, cookie: member.cookie })],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  // The attacker's own CPU is not the server's to defend: on a shared 2-core machine its 150
  // clients would otherwise slow the measured clients' process and the server alike.
  if (child.pid) setPriority(child.pid, Math.min(19, getPriority() + 10));
  const reply = () =>
    new Promise<unknown>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the client exited (${code})`));
      child.once('message', (msg) => {
        child.off('exit', onExit);
        resolve(msg);
      });
      child.once('exit', onExit);
    });
  await reply();
  return {
    async abuse(on) {
      child.send({ type: 'abuse', on } satisfies Command);
      await reply();
    },
    async finish() {
      child.send({ type: 'finish' } satisfies Command);
      return (await reply()) as ManySocketsTally;
    },
    kill: () => void child.kill('SIGKILL'),
  };
}

const REFUSED_RETRY_MS = 1_000;

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);

async function run(target: Target) {
  const tally: ManySocketsTally = {
    connections: 0,
    refusedConnects: {},
    closed: {},
    mostOpen: 0,
    sent: 0,
    answered: 0,
    refused: {},
  };
  const reads: [string, object][] = [
    ['presence:list', {}],
    ['chat:history', { roomId: target.roomId }],
    ['chat:catchUp', { roomId: target.roomId, since: 0 }],
    ['hand:list', { roomId: target.roomId }],
    ['question:list', {}],
    ['help:list', {}],
  ];
  let on = false;
  const open = new Set<Socket>();

  function keepOne() {
    if (!on) return;
    const socket: Socket = io(target.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: target.cookie },
      auth: { event: target.slug },
    });
    let notice = 'none';
    let timer: NodeJS.Timeout | undefined;
    socket.on('socket:closed', (n: { reason: string }) => (notice = n.reason));
    socket.on('socket:flooded', () => (notice = 'flooded'));
    socket.once('connect', () => {
      tally.connections++;
      open.add(socket);
      tally.mostOpen = Math.max(tally.mostOpen, open.size);
      let next = 0;
      timer = setInterval(() => {
        // Every read event in turn, one per tick on each connection.
        const [event, payload] = reads[next++ % reads.length]!;
        tally.sent++;
        socket.emit(event, payload, (ack: { ok: boolean; error?: { code: string } }) => {
          if (ack.ok) tally.answered++;
          else count(tally.refused, ack.error!.code);
        });
      }, target.everyMs);
    });
    socket.once('connect_error', (err) => {
      count(tally.refusedConnects, (err as { data?: { code?: string } }).data?.code ?? 'error');
      socket.close();
      // socket.io-client's own first retry delay: retrying a refused handshake every few ms
      // would measure this process's CPU on a shared machine more than the server.
      setTimeout(keepOne, REFUSED_RETRY_MS);
    });
    socket.once('disconnect', (reason) => {
      clearInterval(timer);
      open.delete(socket);
      if (!on) return;
      count(tally.closed, `${reason}/${notice}`);
      socket.close();
      setTimeout(keepOne, 50);
    });
  }

  process.on('message', (command: Command) => {
    if (command.type === 'abuse') {
      on = command.on;
      if (on) for (let i = 0; i < target.sockets; i++) keepOne();
      else for (const socket of open) socket.close();
      process.send!('ok');
    } else {
      on = false;
      for (const socket of open) socket.close();
      process.send!(tally);
      process.disconnect();
    }
  });
  process.send!('ready');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run(JSON.parse(process.argv[2]!) as Target);
}
