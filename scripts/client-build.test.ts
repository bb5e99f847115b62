/**
 * The web client is built as it ships, whatever NODE_ENV the caller has. The e2e tests, the
 * benches and `npm start` build it from processes with NODE_ENV=test or unset; under vitest Vite
 * used to take `test` and bundle React's development build (StrictMode ran every effect twice, so
 * the page asked the server for each list twice on every load and room switch).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(path.join(tmpdir(), 'plenum-client-build-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('client build', () => {
  it('bundles React for production when the caller has NODE_ENV=test', async () => {
    await promisify(execFile)(
      'npm',
      ['run', 'build', '-w', 'client', '--', '--outDir', outDir, '--logLevel', 'error'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
    );
    const assets = path.join(outDir, 'assets');
    const code = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join(assets, name), 'utf8'))
      .join('\n');
    // React's production build reports errors by number; its development build by full text.
    expect(code).toContain('Minified React error');
    expect(code).not.toContain('Check the render method of %s');
  }, 120_000);
});
