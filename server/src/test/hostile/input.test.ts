import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { clientEventSchemas, type ClientEventName } from '@plenum/shared';
import { askRaw } from '../sockets.ts';
import { useCastWorld } from './cast-world.ts';
import { restCases, socketCases } from './cases.ts';
import { inputless, restTargets, socketBases } from './targets.ts';
import { edgeDates, nastyStrings, textFields, withText } from './payloads.ts';
import { apiRoutes } from '../authz/rest-table.ts';

/** Runs per REST route and per socket event: together well over 10,000 payloads. */
const REST_RUNS = 180;
const SOCKET_RUNS = 90;
const ACCEPTED_RUNS = 15;
/** The flood guard allows 40 events per 5 s on one socket; we stay under it and reconnect. */
const EVENTS_PER_SOCKET = 38;

const t = useCastWorld();
const sent = { rest: 0, socket: 0, accepted: 0 };

const short = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

describe('hostile input, property-based', () => {
  it(
    'every REST route answers spoiled params, queries and bodies with 4xx and stores nothing',
    { timeout: 120_000 },
    async () => {
      const targets = await restTargets(t.cast);
      const covered = new Set(targets.map((r) => r.route));
      const docs = (r: string) => r.startsWith('GET /api/docs') || r.startsWith('HEAD /api/docs');
      const missing = apiRoutes(t.app.routeTable).filter(
        (r) => !covered.has(r) && !(r in inputless) && !(docs(r) && !r.includes('*')),
      );
      expect(missing, 'routes with input that no property covers').toEqual([]);

      const cookie = t.cast.cookie('organizer')!;
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      let before = await t.fingerprint();
      for (const target of targets) {
        const run = await fc.check(
          fc.asyncProperty(restCases(target, cookie, 60_000), async (request) => {
            const res = await t.app.inject(request as InjectOptions);
            sent.rest++;
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode < 400 || res.statusCode >= 500) {
              throw new Error(
                `${request.method} ${short(request.url)} → ${res.statusCode} ${short(res.body)}`,
              );
            }
          }),
          { numRuns: REST_RUNS },
        );
        if (run.failed)
          failures.push(
            `${target.route}: ${short(String(run.errorInstance))} ← ${short(JSON.stringify(run.counterexample))}`,
          );
        const after = await t.fingerprint();
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          failures.push(`${target.route}: stored something in ${changed.join(', ')}`);
        }
        before = after;
      }
      console.log(`REST answers by status: ${JSON.stringify(statuses)}`);
      expect(failures).toEqual([]);
    },
  );

  it(
    'values the schemas accept (NUL, lone surrogates, bidi, markup, year 0) never cause a 5xx',
    { timeout: 60_000 },
    async () => {
      const cookie = t.cast.cookie('organizer')!;
      const failures: string[] = [];
      const text = fc.oneof(
        fc.constantFrom(...nastyStrings).map((s) => `Titel ${s} Ende`),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      );
      const date = fc.constantFrom(...edgeDates);
      for (const target of await restTargets(t.cast)) {
        if (target.body?.kind !== 'json') continue;
        const { schema, valid } = target.body;
        const accepts = (field: string, value: string) =>
          schema.safeParse(withText(valid, field, value)).success;
        const fields = textFields(valid).flatMap((f) =>
          accepts(f, 'a<b>')
            ? [{ f, arb: text }]
            : accepts(f, edgeDates[0]!)
              ? [{ f, arb: date }]
              : [],
        );
        if (!fields.length) continue;
        const [method, route] = target.route.split(' ') as [string, string];
        const address = route.replace(/:(\w+)/g, (_, k: string) => target.params!.valid[k]!);
        const body = fc
          .constantFrom(...fields)
          .chain(({ f, arb }) => arb.map((value) => withText(valid, f, value)))
          .filter((b) => schema.safeParse(b).success);
        const run = await fc.check(
          fc.asyncProperty(body, async (payload) => {
            const res = await t.app.inject({
              method: method as 'POST',
              url: address,
              payload,
              headers: { cookie },
            });
            sent.accepted++;
            if (res.statusCode >= 500)
              throw new Error(`${target.route} → ${res.statusCode} ${short(res.body)}`);
          }),
          { numRuns: ACCEPTED_RUNS },
        );
        if (run.failed)
          failures.push(
            `${target.route}: ${short(String(run.errorInstance))} ← ${short(JSON.stringify(run.counterexample))}`,
          );
      }
      expect(failures).toEqual([]);
    },
  );

  it(
    'every socket event answers spoiled payloads with an error ack and stores nothing',
    { timeout: 60_000 },
    async () => {
      const bases = await socketBases(t.cast);
      expect(Object.keys(bases).sort()).toEqual(Object.keys(clientEventSchemas).sort());
      let socket = await t.organizerSocket();
      let used = 0;
      const codes: Record<string, number> = {};
      const failures: string[] = [];
      let before = await t.fingerprint();
      for (const [event, base] of Object.entries(bases) as [
        ClientEventName,
        Record<string, unknown>,
      ][]) {
        const run = await fc.check(
          fc.asyncProperty(socketCases(clientEventSchemas[event], base), async (args) => {
            if (used++ >= EVENTS_PER_SOCKET) {
              socket.disconnect();
              socket = await t.organizerSocket();
              used = 1;
            }
            const ack = await askRaw(socket, event, ...args);
            sent.socket++;
            const code = ack.error?.code ?? 'ok';
            codes[code] = (codes[code] ?? 0) + 1;
            if (ack.ok || code === 'internal' || code === 'unavailable') {
              throw new Error(`${event} → ${JSON.stringify(ack).slice(0, 200)}`);
            }
          }),
          { numRuns: SOCKET_RUNS },
        );
        if (run.failed)
          failures.push(
            `${event}: ${short(String(run.errorInstance))} ← ${short(JSON.stringify(run.counterexample))}`,
          );
        const after = await t.fingerprint();
        if (JSON.stringify(after) !== JSON.stringify(before))
          failures.push(`${event}: stored something`);
        before = after;
      }
      console.log(`socket error acks by code: ${JSON.stringify(codes)}`);
      expect(failures).toEqual([]);
      expect(socket.connected).toBe(true);
    },
  );

  it('no payload polluted Object.prototype, and the server still answers', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, db: 'up' });
    const total = sent.rest + sent.socket + sent.accepted;
    console.log(
      `hostile payloads sent: ${total} (REST spoiled ${sent.rest}, socket spoiled ${sent.socket}, REST accepted-but-hostile ${sent.accepted})`,
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
