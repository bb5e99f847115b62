import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { Member } from './fixtures.ts';

/**
 * A hostile chat client in a process of its own: it floods a room at `perSecond` messages and
 * comes straight back each time the server throws it out. Its own work must not delay the
 * clients whose latency a test measures, so it never shares their event loop.
 */
export interface FloodTally {
  /** Connections that got to flood. */
  connections: number;
  sent: number;
  /** Messages the server accepted ({ ok: true }). */
  accepted: number;
  /** Error codes of refused messages. */
  refused: string[];
  /** Error codes of handshakes the server refused. */
  refusedConnects: string[];
  /** How each connection ended that the server closed: the reason, and whether it was told. */
  endings: string[];
  /** Connections still open when a flood stopped. */
  openAtStop: number;
}

interface Target {
  url: string;
  cookie: string;
  slug: string;
  roomId: string;
  perSecond: number;
}

type Command = { type: 'flood'; on: boolean } | { type: 'finish' };

export interface FloodClient {
  /** Starts or stops flooding; resolves once the child has taken note. */
  flood(on: boolean): Promise<void>;
  /** Stops, and reports what happened over the whole run. */
  finish(): Promise<FloodTally>;
  kill(): void;
}

/** Forks the flood client for `member` against `roomId`. */
export async function startFloodClient(
  url: string,
  member: Member,
  slug: string,
  roomId: string,
  perSecond = 1_000,
): Promise<FloodClient> {
  const target: Target = { url, cookie: member.cookie, slug, roomId, perSecond };
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [JSON.stringify(target)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Each request waits for one answer; the exit listener goes with it, so none pile up.
  const reply = () =>
    new Promise<unknown>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the flood client exited (${code})`));
      child.once('message', (msg) => {
        child.off('exit', onExit);
        resolve(msg);
      });
      child.once('exit', onExit);
    });
  await reply(); // ready
  return {
    async flood(on) {
      child.send({ type: 'flood', on } satisfies Command);
      await reply();
    },
    async finish() {
      child.send({ type: 'finish' } satisfies Command);
      return (await reply()) as FloodTally;
    },
    kill: () => void child.kill('SIGKILL'),
  };
}

/** The child: floods while told to, one connection after another. */
async function runFloodClient(target: Target) {
  const tally: FloodTally = {
    connections: 0,
    sent: 0,
    accepted: 0,
    refused: [],
    refusedConnects: [],
    endings: [],
    openAtStop: 0,
  };
  let flooding = false;
  let running: Promise<void> = Promise.resolve();

  async function floodOnce() {
    const socket: Socket = io(target.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: target.cookie },
      auth: { event: target.slug },
    });
    let told = false;
    socket.on('socket:flooded', () => (told = true));
    const connected = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('connect_error', (err) => {
        tally.refusedConnects.push((err as { data?: { code?: string } }).data?.code ?? err.message);
        resolve(false);
      });
    });
    if (!connected) {
      socket.close();
      // Refused: try again soon, but a storm of bare connections is another attack than this one.
      return void (await new Promise((resolve) => setTimeout(resolve, 50)));
    }
    tally.connections++;
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // Bursts every 10 ms: timers finer than that are not kept on a busy machine anyway.
    const burst = setInterval(() => {
      if (!socket.connected) return;
      for (let i = 0; i < target.perSecond / 100; i++) {
        tally.sent++;
        socket.emit(
          'chat:send',
          { roomId: target.roomId, clientId: crypto.randomUUID(), body: 'Flut' },
          (ack: { ok: boolean; error?: { code: string } }) => {
            if (ack.ok) tally.accepted++;
            else tally.refused.push(ack.error!.code);
          },
        );
      }
    }, 10);
    let poll: NodeJS.Timeout | undefined;
    const stopped = new Promise<null>((resolve) => {
      poll = setInterval(() => !flooding && resolve(null), 10);
    });
    const reason = await Promise.race([closed, stopped]);
    clearInterval(burst);
    clearInterval(poll);
    if (reason === null) tally.openAtStop++;
    else tally.endings.push(told ? `${reason} after socket:flooded` : reason);
    socket.close();
  }

  process.on('message', (command: Command) => {
    if (command.type === 'flood') {
      flooding = command.on;
      if (flooding) {
        running = (async () => {
          while (flooding) await floodOnce();
        })();
      }
      process.send!('ok');
    } else {
      flooding = false;
      void running.then(() => {
        process.send!(tally);
        process.disconnect();
      });
    }
  });
  process.send!('ready');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runFloodClient(JSON.parse(process.argv[2]!) as Target);
}
