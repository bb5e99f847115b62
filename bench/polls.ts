/**
 * Polls: N attendees vote at once in an open plenary poll, over and over. Measured per round:
 * each vote's ack latency; when the moderator's live counts first show every vote (vote → counts);
 * and from the moderator's close until every attendee holds the results (close → results). The
 * stored count must equal N in every round. Bounded: it stops by itself.
 *
 *   npm run bench -- polls [--clients 110] [--rounds 10]
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import type { Poll, PollClosed, PollTally } from '@plenum/shared';
import {
  connectClient,
  connectMany,
  describeMachine,
  forkServer,
  hardLimit,
  machine,
  parseArgs,
  sleep,
  summarize,
  type Summary,
} from './lib/harness.ts';

interface Ready {
  type: 'ready';
  port: number;
  cookies: string[];
  moderatorCookie: string;
  roomId: string;
  slug: string;
}
type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

const serverEntry = fileURLToPath(new URL('./polls.server.ts', import.meta.url));

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args, { clients: 110, rounds: 10 });
  const children = new Set<ChildProcess>();
  const release = hardLimit('polls', 5 * 60_000, children);
  try {
    const server = await forkServer<Ready>(serverEntry, ['plenum', String(opts.clients)], children);
    const { ready } = server;
    const url = `http://127.0.0.1:${ready.port}`;
    const attendees = await connectMany(url, opts.clients, (i) => ({
      cookie: ready.cookies[i],
      slug: ready.slug,
    }));
    const moderator = await connectClient(url, { cookie: ready.moderatorCookie, slug: ready.slug });

    const acks: number[] = [];
    const toCounts: number[] = [];
    const toResults: number[] = [];
    let wrong = 0;
    for (let round = 0; round < opts.rounds; round++) {
      const r = await oneRound(ready, moderator, attendees, round);
      acks.push(...r.acks);
      toCounts.push(r.toCounts);
      toResults.push(r.toResults);
      if (r.stored !== opts.clients || r.refused > 0) wrong++;
      await sleep(300);
    }
    for (const s of [...attendees, moderator]) s.disconnect();
    await server.stop();
    const figures = {
      ack: summarize(acks),
      voteToCounts: summarize(toCounts),
      closeToResults: summarize(toResults),
      wrongRounds: wrong,
    };
    report(opts, figures);
    return wrong === 0 ? 0 : 1;
  } finally {
    release();
    for (const child of children) child.kill();
  }
}

function request<T>(socket: Socket, event: string, payload: object): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(30_000).emit(event, payload, (err: Error | null, ack: Ack<T>) => {
      if (err) reject(err);
      else if (!ack.ok) reject(new Error(`${event}: ${ack.error.code} ${ack.error.message}`));
      else resolve(ack);
    });
  });
}

async function oneRound(ready: Ready, moderator: Socket, attendees: Socket[], round: number) {
  const { poll } = await request<{ poll: Poll }>(moderator, 'poll:create', {
    roomId: ready.roomId,
    question: `Runde ${round + 1}: welche Maßnahme zuerst?`,
    kind: 'single',
    options: ['Radwege', 'Busse', 'Carsharing'],
    anonymous: true,
  });
  await request(moderator, 'poll:open', { pollId: poll.id });
  const allCounted = new Promise<number>((resolve) => {
    const listener = (tally: PollTally) => {
      if (tally.pollId !== poll.id || tally.voters < attendees.length) return;
      moderator.off('poll:counts', listener);
      resolve(performance.now());
    };
    moderator.on('poll:counts', listener);
  });

  const started = performance.now();
  let refused = 0;
  const acks = await Promise.all(
    attendees.map(async (socket, i) => {
      const sent = performance.now();
      try {
        await request(socket, 'poll:vote', { pollId: poll.id, choices: [i % 3] });
      } catch {
        refused++;
      }
      return performance.now() - sent;
    }),
  );
  const toCounts = (await allCounted) - started;

  const results = attendees.map(
    (socket) =>
      new Promise<number>((resolve) => {
        const listener = (closed: PollClosed) => {
          if (closed.poll.id !== poll.id) return;
          socket.off('poll:closed', listener);
          resolve(performance.now());
        };
        socket.on('poll:closed', listener);
      }),
  );
  const closing = performance.now();
  const closed = await request<PollClosed>(moderator, 'poll:close', { pollId: poll.id });
  const toResults = Math.max(...(await Promise.all(results))) - closing;
  return { acks, toCounts, toResults, refused, stored: closed.results.voters };
}

function report(
  opts: { clients: number; rounds: number },
  r: { ack: Summary; voteToCounts: Summary; closeToResults: Summary; wrongRounds: number },
) {
  const line = (name: string, s: Summary) =>
    `${name.padEnd(34)} p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms (n = ${s.count})`;
  console.log(
    `\npolls: ${opts.clients} attendees vote at once in a plenary poll, ${opts.rounds} rounds; ` +
      `${describeMachine()}`,
  );
  console.log(line('vote ack', r.ack));
  console.log(line('first vote → counts show all', r.voteToCounts));
  console.log(line('close → results at every attendee', r.closeToResults));
  console.log(
    `rounds where the stored count was not exactly ${opts.clients}: ${r.wrongRounds} of ${opts.rounds}`,
  );
  console.log(
    JSON.stringify({ bench: 'polls', at: new Date().toISOString(), ...machine(), ...opts, ...r }),
  );
}
