import fc from 'fast-check';
import type { z } from 'zod';
import { decodeSpreadsheetText, readPreassignments } from '../../features/phases/csv.ts';
import {
  acceptedJson,
  brokenSegments,
  deep,
  encodeSegment,
  hostileString,
  mutated,
  nastyStrings,
  render,
  tree,
  type Json,
} from './payloads.ts';
import type { BodyTarget, RestTarget } from './targets.ts';

/** One spoiled request: exactly one of params, query or body is hostile. */
export interface RestCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const hostileXml = [
  '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><schedule><conference><title>&d;</title></conference></schedule>',
  '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><schedule><conference><title>&x;</title></conference></schedule>',
  '<?xml version="1.0" encoding="UTF-16"?><schedule/>',
  '<?xml version="1.0" encoding="ebcdic-cp-us"?><schedule/>',
  `<schedule>${'<day>'.repeat(5000)}${'</day>'.repeat(5000)}</schedule>`,
  `<notschedule day="${'9'.repeat(100_000)}"/>`,
  '<schedule><conference><title>Nur ein Titel</title></conference></schedule>',
  '<schedule><conference><title>x</title></conference><day',
  '\uFEFF<schedule/>',
];

const jsonTypes = ['application/json', 'application/json; charset=utf-8'];
const wrongTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/yaml',
  'image/png',
];

export function restCases(target: RestTarget, cookie: string, maxHuge: number) {
  const [method, path] = target.route.split(' ') as [string, string];
  const validParams = target.params?.valid ?? {};
  const urlWith = (segments: Record<string, string>, query = '') =>
    path.replace(/:(\w+)|\*$/g, (m, k?: string) => segments[k ?? m] ?? '') + query;
  const encoded = Object.fromEntries(
    Object.entries(validParams).map(([k, v]) => [k, encodeSegment(v)]),
  );
  const validQuery = target.query ? `?${new URLSearchParams(target.query.valid).toString()}` : '';
  const validBody = target.body ? validBodyOf(target.body) : {};
  const make = (url: string, body: { type?: string; payload?: string | Buffer }): RestCase => ({
    method,
    url,
    headers: { cookie, ...(body.type && { 'content-type': body.type }) },
    ...(body.payload !== undefined && { payload: body.payload }),
  });

  const cases: fc.Arbitrary<RestCase>[] = [];
  if (target.params) {
    const schema = target.params.schema;
    const segment = fc.oneof(
      { weight: 5, arbitrary: hostileString(300).map((text) => ({ text })) },
      { weight: 1, arbitrary: fc.constantFrom(...brokenSegments).map((raw) => ({ raw })) },
    );
    cases.push(
      fc
        .tuple(fc.constantFrom(...Object.keys(validParams)), segment)
        // "." and ".." are resolved away by every URL parser before a request is made.
        .filter(([, s]) => !('text' in s) || !['.', '..'].includes(s.text))
        .filter(
          ([k, s]) => 'raw' in s || !schema.safeParse({ ...validParams, [k]: s.text }).success,
        )
        .map(([k, s]) =>
          make(
            urlWith({ ...encoded, [k]: 'raw' in s ? s.raw : encodeSegment(s.text) }, validQuery),
            validBody,
          ),
        ),
    );
  }
  if (target.query) {
    const { schema, valid, keys } = target.query;
    cases.push(
      fc
        .tuple(fc.constantFrom(...keys), hostileString(300))
        .filter(([k, v]) => !schema.safeParse({ ...valid, [k]: v }).success)
        .map(([k, v]) => make(urlWith(encoded, `?${k}=${encodeSegment(v)}`), validBody)),
    );
  }
  if (target.body) {
    cases.push(
      bodyCases(target.body, maxHuge).map((body) => make(urlWith(encoded, validQuery), body)),
    );
  }
  return fc.oneof(...cases);
}

function validBodyOf(body: BodyTarget): { type?: string; payload?: string } {
  if (body.kind === 'json')
    return { type: 'application/json', payload: JSON.stringify(body.valid) };
  return {};
}

function bodyCases(body: BodyTarget, maxHuge: number) {
  const text = (types: string[], arb: fc.Arbitrary<string | Buffer>) =>
    fc.tuple(fc.constantFrom(...types), arb).map(([type, payload]) => ({ type, payload }));
  const garbage: fc.Arbitrary<Json> = fc.oneof(tree, deep(2000));
  switch (body.kind) {
    case 'json': {
      const { schema, valid } = body;
      return fc
        .oneof(
          { weight: 8, arbitrary: text(jsonTypes, mutated(valid, maxHuge).map(render)) },
          { weight: 1, arbitrary: text(jsonTypes, hostileString(2000)) },
          { weight: 1, arbitrary: text(wrongTypes, fc.constant(JSON.stringify(valid))) },
        )
        .filter(
          (b) =>
            !(b.type.startsWith('application/json') && acceptedJson(schema, String(b.payload))),
        );
    }
    case 'xml':
      return fc.oneof(
        text(
          ['application/xml', 'text/xml'],
          fc.oneof(fc.constantFrom(...hostileXml), hostileString(maxHuge)),
        ),
        text(jsonTypes, garbage.map(render)),
      );
    case 'csv':
      return fc
        .oneof(
          text(['text/csv', 'application/octet-stream'], hostileString(maxHuge)),
          text(
            ['text/csv'],
            fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          ),
          text(jsonTypes, garbage.map(render)),
        )
        .filter((b) => b.type.startsWith('application/json') || !csvAccepted(b.payload));
    case 'webhook':
      return fc.oneof(
        text(
          ['application/webhook+json', 'application/json'],
          fc.oneof(garbage.map(render), hostileString(maxHuge)),
        ),
        text(['application/webhook+json'], fc.constantFrom(...nastyStrings)),
      );
  }
}

function csvAccepted(payload: string | Buffer) {
  try {
    readPreassignments(
      decodeSpreadsheetText(Buffer.isBuffer(payload) ? payload : Buffer.from(payload)),
    );
    return true;
  } catch {
    return false;
  }
}

/** One spoiled socket event: its arguments before the ack callback. */
export function socketCases(schema: z.ZodType, base: Record<string, unknown>) {
  const payload = fc
    .oneof(
      { weight: 8, arbitrary: mutated(base, 12_000) },
      { weight: 2, arbitrary: tree },
      { weight: 1, arbitrary: deep(800) },
    )
    .map(render)
    // Frames stay under Socket.IO's 64 KB limit: over it the connection closes (tested apart).
    .filter((text) => Buffer.byteLength(text) < 60_000)
    .map((text) => JSON.parse(text) as unknown)
    .filter((value) => !schema.safeParse(value).success);
  return fc.oneof(
    { weight: 12, arbitrary: payload.map((value) => [value]) },
    { weight: 1, arbitrary: payload.map((value) => [value, 'extra', 42]) },
    { weight: 1, arbitrary: fc.constant([] as unknown[]) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => [Buffer.from(b)]) },
  );
}
