import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { runRehearse } from '../../server/src/cli/rehearse/rehearse.ts';
import { roomPlacement } from './cluster.ts';
import { connectedSockets, participantsByNode } from './observe.ts';

/**
 * `plenum rehearse` through the balancer (https, Caddy's local CA) against two app nodes on one
 * database and two LiveKit nodes in multi-node mode: the day must pass as on one node.
 */
const scale = inject('scale');
const ATTENDEES = 40;

let db: pg.Client;
let report: {
  ok: boolean;
  steps: { name: string; status: string }[];
  figures: Record<string, number>;
};
const lines: string[] = [];
let code: number;
/** Most sockets seen connected at once on each app node, from its Prometheus gauge. */
const peakSockets = new Map<string, number>();
/** LiveKit's placement of each room (room name → node id), as seen during the run. */
const placements = new Map<string, string>();

beforeAll(async () => {
  db = new pg.Client({ connectionString: scale.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
});

/**
 * Rehearse waits for the phase's deadline; the test cannot wait a minute for it. Once the media
 * followed into the groups, the stored deadline is brought forward, and the nodes' own deadline
 * checks close the phase (earlier, the groups' LiveKit rooms would go before media reached them).
 */
let phaseMayClose = false;
function watchTheRun() {
  const timers = [
    setInterval(() => {
      if (!phaseMayClose) return;
      void db.query(`update phases set deadline_at = now() where status = 'open'`).catch(() => {});
    }, 500),
    setInterval(() => {
      for (const app of scale.apps)
        void connectedSockets(app.metricsUrl).then((n) =>
          peakSockets.set(app.name, Math.max(n, peakSockets.get(app.name) ?? 0)),
        );
      void roomPlacement().then((map) => {
        for (const [room, node] of Object.entries(map)) placements.set(room, node);
      });
    }, 500),
  ];
  return () => timers.forEach(clearInterval);
}

describe(`plenum rehearse across two app nodes and two LiveKit nodes behind Caddy`, () => {
  it(`every step passes with ${ATTENDEES} attendees and media through the balancer`, async () => {
    const started = Date.now();
    const stop = watchTheRun();
    const out = {
      log: (l: string) => {
        lines.push(l);
        if (/^\S+\s+media follows into the groups/.test(l)) phaseMayClose = true;
      },
      error: (l: string) => lines.push(l),
    };
    try {
      code = await runRehearse(
        [
          '--url',
          scale.url,
          '--link',
          scale.organizerLink,
          '--attendees',
          String(ATTENDEES),
          '--media',
          '2',
          '--phase-minutes',
          '1',
          '--json',
        ],
        out,
      );
    } finally {
      stop();
    }
    report = JSON.parse(lines.at(-1)!);
    console.info(
      `rehearse through the balancer: ${Math.round((Date.now() - started) / 1000)} s\n` +
        lines.slice(0, -1).join('\n'),
    );
    const failed = report.steps.filter((s) => s.status !== 'passed');
    expect(failed, lines.join('\n')).toEqual([]);
    expect(code).toBe(0);
  });

  it('the balancer spread the people over both app nodes', () => {
    console.info(`peak sockets per app node: ${JSON.stringify(Object.fromEntries(peakSockets))}`);
    for (const app of scale.apps) expect(peakSockets.get(app.name) ?? 0).toBeGreaterThan(0);
  });

  it('everyone in one LiveKit room is on the node LiveKit placed the room on', () => {
    expect(report, 'rehearse ran').toBeDefined();
    const seen = participantsByNode(scale.livekits.map((lk) => readFileSync(lk.logFile, 'utf8')));
    const rooms = [...seen.keys()];
    console.info(
      `LiveKit rooms → node: ${JSON.stringify(Object.fromEntries(placements))}; ` +
        `participants seen: ${JSON.stringify(Object.fromEntries([...seen].map(([r, m]) => [r, Object.fromEntries(m)])))}`,
    );
    expect(rooms.length).toBeGreaterThan(0);
    for (const [room, byNode] of seen) {
      expect([...byNode.keys()], `room ${room} on one node`).toHaveLength(1);
      if (placements.has(room)) expect([...byNode.keys()][0]).toBe(placements.get(room));
    }
  });
});
