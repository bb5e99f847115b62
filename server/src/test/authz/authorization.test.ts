import { describe, expect, it } from 'vitest';
import { clientEventSchemas } from '@plenum/shared';
import {} from '../../db/schema/index.ts';
import { askRaw, type ClientSocket } from '../sockets.ts';
import { useSocketWorld } from '../socket-world.ts';
import { actors, createCast, members, type ActorName, type MemberName } from './cast.ts';
import { apiRoutes, publicRoutes, restTable } from './rest-table.ts';
import { socketTable } from './socket-table.ts';
import { ackVerdict, handshake, restVerdict, type Verdict } from './verdicts.ts';
import { FLOOD_LIMITS } from '../../realtime/rate-limit.ts';

const t = useSocketWorld();

const expected = (allowed: readonly ActorName[], actor: ActorName): Verdict =>
  allowed.includes(actor) ? 'allowed' : 'refused';
const label = (thing: string, target?: string) => (target ? `${thing} [${target}]` : thing);

/** Prints the matrix (one line per row) so that a run documents who may do what. */
function report(title: string, lines: string[], cells: number) {
  console.log(`${title}: ${lines.length} rows × ${actors.length} actors = ${cells} cells\n`);
  console.log(`${'actors →'.padEnd(72)}${actors.map((a) => a.slice(0, 9).padEnd(10)).join('')}`);
  for (const line of lines) console.log(line);
}

describe('authorization matrix', () => {
  it('lists every REST route and every socket event the server has, and nothing else', async () => {
    await t.app.ready();
    const registered = apiRoutes(t.app.routeTable);
    const listed = new Set(restTable.map((r) => r.route));
    const unlisted = registered.filter((r) => !listed.has(r) && !(r in publicRoutes));
    expect(unlisted, 'routes the authorization table does not list').toEqual([]);
    const stale = [...listed, ...Object.keys(publicRoutes)].filter((r) => !registered.includes(r));
    expect(stale, 'rows for routes that no longer exist').toEqual([]);

    const events = Object.keys(clientEventSchemas);
    const rows = new Set(socketTable.map((r) => r.event));
    expect(events.filter((e) => !rows.has(e as never))).toEqual([]);
    expect([...rows].filter((e) => !events.includes(e))).toEqual([]);
  });

  it('every REST route answers every actor as the table says', { timeout: 120_000 }, async () => {
    const c = await createCast(t.app);
    const wrong: string[] = [];
    const lines: string[] = [];
    for (const row of restTable) {
      const [method, path] = row.route.split(' ') as [string, string];
      const cells: string[] = [];
      for (const actor of actors) {
        const call = await row.call(c, actor);
        const cookie = 'cookie' in call ? call.cookie : c.cookie(actor);
        const res = await t.app.inject({
          method: method as 'GET',
          url: call.url,
          payload: call.payload as string,
          headers: { ...call.headers, ...(cookie && { cookie }) },
        });
        const got = restVerdict(res.statusCode);
        const want = expected(row.allowed, actor);
        cells.push(`${got === want ? ' ' : '✗'}${res.statusCode}`.padEnd(10));
        if (got !== want) {
          wrong.push(
            `${label(row.route, row.target)} as ${actor}: ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
      }
      lines.push(
        `${label(`${method} ${path}`, row.target).slice(0, 70).padEnd(72)}${cells.join('')}`,
      );
    }
    report('REST', lines, restTable.length * actors.length);
    expect(wrong).toEqual([]);
  });

  it('every socket event answers every actor as the table says', { timeout: 120_000 }, async () => {
    const c = await createCast(t.app);
    const sockets = {} as Record<MemberName, ClientSocket>;
    for (const m of members) {
      const { socket, refused } = await handshake(t.url, c.cookie(m), c.slug);
      if (!socket) throw new Error(`${m} could not connect: ${refused}`);
      t.opened.push((sockets[m] = socket));
    }
    const wrong: string[] = [];
    const lines: string[] = [];
    // Each row sends one event per member socket: a pause before the sockets' own flood guard
    // (FLOOD_LIMITS.maxEvents per window) would refuse them, whatever the table's length.
    let sent = 0;
    for (const row of socketTable) {
      if (++sent % (FLOOD_LIMITS.maxEvents - 5) === 0) {
        await new Promise((r) => setTimeout(r, FLOOD_LIMITS.eventWindowMs));
      }
      const cells: string[] = [];
      for (const actor of actors) {
        let got: Verdict;
        let shown: string;
        if (actor === 'otherEvent' || actor === 'anonymous') {
          // Outsiders never get a socket for this event; the handshake is where they are refused.
          const { socket, refused } = await handshake(t.url, c.cookie(actor), c.slug);
          socket?.disconnect();
          got = refused
            ? ackVerdict({ ok: false, error: { code: refused, message: '' } })
            : 'allowed';
          shown = refused ? `hs:${refused.slice(0, 5)}` : 'connected';
        } else {
          const ack = await askRaw(sockets[actor], row.event, await row.payload(c, actor));
          got = ackVerdict(ack);
          shown = ack.ok ? 'ok' : (ack.error?.code ?? '?');
          if (!ack.ok && got !== expected(row.allowed, actor)) shown += ` ${ack.error?.message}`;
        }
        const want = expected(row.allowed, actor);
        cells.push(`${got === want ? ' ' : '✗'}${shown.slice(0, 8)}`.padEnd(10));
        if (got !== want) wrong.push(`${label(row.event, row.target)} as ${actor}: ${shown}`);
        if (got === 'allowed') await row.restore?.(c);
      }
      lines.push(`${label(row.event, row.target).slice(0, 70).padEnd(72)}${cells.join('')}`);
    }
    report('Socket.IO', lines, socketTable.length * actors.length);
    expect(wrong).toEqual([]);
  });
});
