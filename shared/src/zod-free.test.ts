import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const importPattern = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

/** Every module a file imports, transitively, as paths; bare specifiers as themselves. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(importPattern)) {
    if (spec!.startsWith('.')) importsOf(resolve(dirname(file), spec!), seen);
    else seen.add(spec!);
  }
  return seen;
}

describe('the subpath exports', () => {
  const subpaths = Object.entries(manifest.exports).filter(([path]) => path !== '.');

  it('are the zod-free parts of the contract', () => {
    expect(subpaths.map(([path]) => path).sort()).toEqual(
      ['./access', './limits', './rules', './time', './vocab'].sort(),
    );
  });

  it('while the package index brings zod (which the check must see)', () => {
    expect(importsOf(resolve(root, manifest.exports['.']))).toContain('zod');
  });

  for (const [path, file] of subpaths) {
    it(`${path} imports no zod, directly or through another module`, () => {
      const imported = [...importsOf(resolve(root, file))];
      expect(imported.filter((m) => !m.startsWith('/'))).toEqual([]);
    });
  }
});
