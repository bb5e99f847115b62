/**
 * Module hooks that compile our TypeScript the way `npm run build:server` does (esbuild, no
 * `keepNames`), file by file. tsx compiles with `keepNames`, which wraps every function in a
 * `__name(fn, "name")` call: each closure made per socket then gets a property of its own, about
 * 20 KB of heap per connected attendee that the compiled server does not have (bench/README.md,
 * memory). Benches measure the server as it ships.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const typescript = /\.(c|m)?tsx?$/;
const options = (path) => ({
  loader: path.endsWith('x') ? 'tsx' : 'ts',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  sourcefile: path,
  // What matters of tsconfig.base.json for compiling one file (imports kept as written).
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, target: 'ES2022' } },
});

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !typescript.test(new URL(url).pathname)) {
    return nextLoad(url, context);
  }
  const path = fileURLToPath(url);
  const compiled = await transform(await readFile(path, 'utf8'), options(path));
  return { format: 'module', source: compiled.code, shortCircuit: true };
}
