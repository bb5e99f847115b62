import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of Node's module hooks, without types
import { load } from './as-shipped-hooks.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'as-shipped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = path.join(dir, 'fixture.ts');
writeFileSync(
  fixture,
  `import type { Server } from 'node:http';
export class Counter {
  constructor(private readonly start: number) {}
  next = (by: number): number => this.start + by;
}
export const handlerFor = (server: Server | null) => () => (server ? 'server' : 'none');
`,
);

describe('bench servers load our TypeScript as the server ships', () => {
  it('compiles without keepNames: no __name wrapper around every function', async () => {
    const { source } = (await load(pathToFileURL(fixture).href, {}, () => {
      throw new Error('a .ts file must not go to the next loader');
    })) as { source: string };
    expect(source).toContain('class Counter');
    expect(source).not.toContain('__name');
    expect(source).not.toMatch(/import .*node:http/); // the type-only import is gone
  });

  it('runs a TypeScript module through `node --import as-shipped.mjs`', () => {
    const register = fileURLToPath(new URL('./as-shipped.mjs', import.meta.url));
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        register,
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(pathToFileURL(fixture).href)});
         console.log(new m.Counter(40).next(2), m.handlerFor(null)());`,
      ],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('42 none');
  });
});
