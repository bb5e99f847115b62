import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Hostile payloads for property tests. A payload is a JSON tree whose objects keep their keys as
 * written — `__proto__` and duplicate keys included — and is rendered to JSON text by hand, so
 * that what reaches the server is exactly what was generated.
 */
export class JObject {
  constructor(readonly entries: (readonly [string, Json])[]) {}
}
/** Pre-rendered JSON text (deep nesting, built without recursion). */
export class Raw {
  constructor(readonly text: string) {}
}
export type Json = null | boolean | number | string | Json[] | JObject | Raw;

export function render(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof JObject) {
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(render).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

export function toJson(value: unknown): Json {
  if (value === null || typeof value !== 'object') return value as Json;
  if (Array.isArray(value)) return value.map(toJson);
  return new JObject(Object.entries(value).map(([k, v]) => [k, toJson(v)] as const));
}

/** Strings that have broken parsers, databases and renderers before. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\uDE00b',
  '\u202Eevil\u202C',
  '\u2066x\u2069',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u2028\u2029',
  '\u0301'.repeat(40),
  'ﷺ',
  '𝕏𝔸',
  '👩‍👩‍👧‍👦',
  'שלום\u200Fعربي',
  '\r\n\t',
  '\u001B[31m',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' OR 1=1 --",
  "'; drop table events; --",
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '%00',
  '\\',
  'null',
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'prototype',
];

export const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  '\u0000',
  '\uD800',
  '$where',
  'a.b',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
const edgeNumbers = [0, -0, -1, 0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 5e-324];

export function hostileString(maxHuge: number) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('A', '\u200B', 'ä', '😀', '\uD800'),
          fc.integer({ min: 201, max: maxHuge }),
        )
        .map(([ch, n]) => ch.repeat(Math.max(1, Math.floor(n / ch.length)))),
    },
  );
}

const leaf: fc.Arbitrary<Json> = fc.oneof(
  hostileString(400),
  fc.constantFrom(...edgeNumbers),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
);

const key = fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 8 }));

/** Any JSON at all, a few levels deep. */
export const tree: fc.Arbitrary<Json> = fc.letrec<{ value: Json; array: Json[]; object: JObject }>(
  (tie) => ({
    value: fc.oneof({ maxDepth: 3, depthIdentifier: 'json' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4, depthIdentifier: 'json' }),
    object: fc
      .array(fc.tuple(key, tie('value')), { maxLength: 4, depthIdentifier: 'json' })
      .map((entries) => new JObject(entries)),
  }),
).value;

/** Nesting far deeper than any schema: arrays, objects, and a pollution attempt at the bottom. */
export function deep(maxDepth: number): fc.Arbitrary<Json> {
  return fc
    .tuple(
      fc.integer({ min: Math.min(20, maxDepth), max: maxDepth }),
      fc.constantFrom('array', 'object', 'proto'),
    )
    .map(([n, kind]) => {
      if (kind === 'array') return new Raw('['.repeat(n) + ']'.repeat(n));
      if (kind === 'object') return new Raw('{"a":'.repeat(n) + '1' + '}'.repeat(n));
      return new Raw('{"x":'.repeat(n) + '{"__proto__":{"polluted":1}}' + '}'.repeat(n));
    });
}

/** Pollution attempts where a value is expected. */
const pollution: fc.Arbitrary<Json> = fc.constantFrom(
  new Raw('{"__proto__":{"polluted":"yes"}}'),
  new Raw('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  new Raw('[{"__proto__":[]}]'),
);

export function hostileValue(maxHuge: number): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 3, arbitrary: tree },
    { weight: 2, arbitrary: hostileString(maxHuge) },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: deep(40) },
  );
}

/**
 * A valid payload with one thing wrong: a field replaced by something hostile, a field missing,
 * an extra (often prototype-polluting) key, a key twice, or the whole payload replaced.
 */
export function mutated(base: Record<string, unknown>, maxHuge: number): fc.Arbitrary<Json> {
  const entries = (toJson(base) as JObject).entries;
  const keys = entries.map(([k]) => k);
  const without = (k: string) => entries.filter(([x]) => x !== k);
  const some = keys.length ? [fc.constantFrom(...keys)] : [];
  return fc.oneof(
    ...some.map((k) => ({
      weight: 4,
      arbitrary: fc
        .tuple(k, hostileValue(maxHuge))
        .map(([name, v]) => new JObject([...without(name), [name, v]])),
    })),
    ...some.map((k) => ({ weight: 1, arbitrary: k.map((name) => new JObject(without(name))) })),
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...hostileKeys), hostileValue(maxHuge))
        .map(([name, v]) => new JObject([...entries, [name, v]])),
    },
    ...some.map((k) => ({
      weight: 1,
      arbitrary: fc
        .tuple(k, hostileValue(maxHuge))
        .map(([name, v]) => new JObject([...entries, [name, v]])),
    })),
    { weight: 2, arbitrary: hostileValue(maxHuge) },
    { weight: 1, arbitrary: deep(maxHuge > 100_000 ? 5_000 : 1_000) },
  );
}

/** Whether fastify's JSON parser (prototype poisoning is an error) and the schema accept it. */
export function acceptedJson(schema: z.ZodType, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (isPoisoned(value)) return false;
  return schema.safeParse(value).success;
}

/** `__proto__` anywhere, or `constructor.prototype`: what secure-json-parse refuses. */
export function isPoisoned(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
    const ctor = Object.prototype.hasOwnProperty.call(v, 'constructor')
      ? (v as { constructor: unknown }).constructor
      : undefined;
    if (ctor && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype'))
      return true;
    stack.push(...Object.values(v));
  }
  return false;
}

/** Percent-encodes a path segment; lone surrogates become the (invalid) bytes they would be. */
export function encodeSegment(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Path segments that are already percent-encoded, and broken. */
// (Dot segments are left out: URL parsers resolve them before any request is made.)
export const brokenSegments = ['%', '%zz', '%C0%AF', '%00', '%ED%A0%80', '%FF%FE', '%2F', '%5C'];

/** Timestamps that are valid ISO 8601 but sit at the edges of what Postgres and Date hold. */
export const edgeDates = [
  '2024-02-29T23:59:59-12:00',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59+14:00',
  '1970-01-01T00:00:00.123456789Z',
];

/** Paths of string fields in a payload, nested ones included ("speakers.0.name"). */
export function textFields(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => textFields(v, prefix ? `${prefix}.${k}` : k));
}
export function withText(value: Record<string, unknown>, field: string, text: string) {
  const copy = structuredClone(value);
  const keys = field.split('.');
  let node = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys.at(-1)!] = text;
  return copy;
}
