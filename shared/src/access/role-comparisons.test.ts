import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roles } from './roles.ts';

/**
 * Every rights decision goes through `can()`: no product file outside shared/src/access/ compares
 * a role, lists roles or ranks them. Tests, fixtures and test helpers may name roles freely.
 */

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scanned = ['server/src', 'client/src', 'shared/src'];
const allowedDir = 'shared/src/access/';

const role = `['"\`](?:${roles.join('|')})['"\`]`;
const patterns: [string, RegExp][] = [
  ['compares with a role', new RegExp(`[!=]==?\\s*${role}|${role}\\s*[!=]==?`)],
  ['compares a role', /\brole\s*[!=]==?(?!=)(?!\s*(?:null|undefined)\b)/i],
  ['branches on a role', new RegExp(`\\bcase\\s+${role}\\s*:`)],
  ['lists roles', new RegExp(`\\[[^\\]]*${role}[^\\]]*(?:\\]|,\\s*$)`)],
  ['queries by a role', new RegExp(`\\b(?:eq|ne)\\([^)]*\\brole\\s*,\\s*${role}`)],
  [
    'queries by a role in SQL',
    new RegExp(`\\brole\\s*(?:=|<>|!=|\\bin\\b)\\s*\\(?\\s*${role}`, 'i'),
  ],
  ['ranks roles', new RegExp(`\\b(?:${roles.join('|')})\\s*:\\s*-?\\d`)],
];

/** The first pattern a line of code breaks, if any; comments are not code. */
export function roleComparisonIn(line: string): string | null {
  const code = line.replace(/\/\/.*$/, '').trim();
  if (code.startsWith('*') || code.startsWith('/*')) return null;
  return patterns.find(([, pattern]) => pattern.test(code))?.[0] ?? null;
}

const isProductFile = (path: string) =>
  /\.(ts|tsx)$/.test(path) &&
  !/\.(test|spec|e2e|fault)\.tsx?$/.test(path) &&
  !/(^|\/)(test|tests|__tests__|fixtures)\//.test(path) &&
  !/(fixture|test-world|test-utils)\.tsx?$/.test(path);

function* productFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(join(repo, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* productFiles(path);
    } else if (isProductFile(path) && !path.startsWith(allowedDir)) yield path;
  }
}

function roleComparisonsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const path of productFiles(dir)) {
    readFileSync(join(repo, path), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const broken = roleComparisonIn(line);
        if (broken) found.push(`${path}:${i + 1} ${broken}: ${line.trim()}`);
      });
  }
  return found;
}

describe('role comparisons', () => {
  it.each([
    `if (membership.role === 'organizer') refuse();`,
    `const watcher = role === 'attendee';`,
    `microphone: role !== 'attendee' && role !== null,`,
    `if ('moderator' == actor.role) {`,
    `.filter((r) => actor.role === other.role)`,
    `case 'speaker':`,
    `const publishers: readonly Role[] = ['organizer', 'moderator', 'speaker'];`,
    `inArray(memberships.role, ['attendee', 'speaker']),`,
    `.where(and(eq(memberships.eventId, id), eq(memberships.role, 'organizer')))`,
    `where m.role = 'organizer' and m.event_id = $1`,
    `const rank = { attendee: 0, speaker: 1, moderator: 2, organizer: 3 };`,
  ])('are found in %s', (line) => {
    expect(roleComparisonIn(line)).not.toBeNull();
  });

  it.each([
    `if (actor.role === null) throw notFound('Event');`,
    `if (can(membership.role, 'event.own')) await refuseLastOrganizer(tx, eventId);`,
    `.values({ eventId, personId: creatorId, role: 'organizer' });`,
    `const label = t(\`roles.\${role}\`);`,
    `// Attendees who only watch: role === 'attendee' once decided this.`,
    `inArray(memberships.role, rolesThatMay('phase.participate')),`,
  ])('are not found in %s', (line) => {
    expect(roleComparisonIn(line)).toBeNull();
  });

  it('the scan sees every product workspace', () => {
    for (const dir of scanned) expect([...productFiles(dir)].length).toBeGreaterThan(10);
  });

  for (const dir of scanned) {
    it(`no product file in ${dir} compares roles outside ${allowedDir}`, () => {
      expect(roleComparisonsUnder(dir)).toEqual([]);
    });
  }
});
