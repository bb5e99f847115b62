/**
 * `npm run build:server`: the server and the operator CLI as two JavaScript bundles in
 * server/dist, for production without tsx. Third-party packages stay external (node_modules is
 * installed beside it); @plenum/shared, which exports TypeScript, is compiled into the bundles.
 *
 * Paths a module finds beside itself (`new URL('../x', import.meta.url)`: the migrations, the
 * client's dist, a worker file) are rewritten to be relative to server/dist, so the bundle finds
 * the same files; a file inside server/src (the agenda worker) is copied into server/dist.
 */
import { build, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverSrc = path.join(root, 'server/src');
export const serverDist = path.join(root, 'server/dist');

// `new URL('../x', import.meta.url)`, also as Prettier wraps it over lines.
const NEW_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*,?\s*\)/g;

/** Rewrites paths relative to a source file into paths relative to the bundle. */
function pathsBesideTheBundle(outdir: string, copied: Set<string>): Plugin {
  return {
    name: 'paths-beside-the-bundle',
    setup(b) {
      b.onLoad({ filter: /[/\\](server|shared)[/\\]src[/\\].*\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const contents = source.replace(NEW_URL, (_match, quote: string, relative: string) => {
          const target = path.resolve(path.dirname(args.path), relative);
          let fromBundle: string;
          if (target.startsWith(serverSrc + path.sep)) {
            // A file the source ships beside itself (a worker): copied next to the bundle.
            if (!existsSync(target) || !statSync(target).isFile()) {
              throw new Error(`${args.path}: ${relative} is not a file (${target})`);
            }
            const name = path.basename(target);
            copied.add(target);
            fromBundle = `./${name}`;
          } else {
            // Outside the sources (migrations, the client's dist): the same place, seen from
            // the bundle. It may not exist yet (the client is built separately).
            fromBundle = path.relative(outdir, target).split(path.sep).join('/');
            if (!fromBundle.startsWith('.')) fromBundle = `./${fromBundle}`;
          }
          return `new URL(${quote}${fromBundle}${quote}, import.meta.url)`;
        });
        // Any other use (a dirname, a bare URL) would point into server/dist unnoticed.
        if (contents.replace(NEW_URL, '').includes('import.meta.url')) {
          throw new Error(`${args.path}: import.meta.url outside new URL('./…', import.meta.url)`);
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Bare imports stay external, except our own workspace package (TypeScript source). */
const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path === '@plenum/shared' || args.path.startsWith('@plenum/shared/')) return;
      return { path: args.path, external: true };
    });
  },
};

export async function buildServer(outdir = serverDist): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const copied = new Set<string>();
  await build({
    entryPoints: {
      server: path.join(serverSrc, 'server.ts'),
      cli: path.join(serverSrc, 'cli/index.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The CLI's `rehearse` (loaded on demand) needs dev-only packages: in a chunk of its own, the
    // other commands run without them. Chunks sit beside the entries, so relative paths hold.
    splitting: true,
    chunkNames: '[name]-[hash]',
    target: 'node20.19',
    sourcemap: true,
    // Stack traces name our functions; the bundles are not shipped to browsers.
    minify: false,
    logLevel: 'warning',
    plugins: [thirdPartyExternal, pathsBesideTheBundle(outdir, copied)],
  });
  for (const file of copied) copyFileSync(file, path.join(outdir, path.basename(file)));
  return [...copied].map((f) => path.relative(root, f));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  const copied = await buildServer();
  console.log(
    `server/dist: server.js, cli.js${copied.length ? ` (+ ${copied.join(', ')})` : ''} in ${Date.now() - started} ms`,
  );
}
