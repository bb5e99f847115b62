/**
 * `npm run bench -- <name> [options]` runs one benchmark; `npm run bench` runs them all, one
 * after another, each in its own process (a benchmark's servers and sockets cannot leak into the
 * next one's figures); `npm run bench -- --list` names them. Each benchmark is bench/<name>.ts
 * exporting `run(args: string[])` and returning its exit code.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.includes('.server.'))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (name === '--list') {
  console.log(available.join('\n'));
} else if (name === undefined) {
  process.exitCode = runAll();
} else if (!available.includes(name)) {
  console.error(
    `Usage: npm run bench [-- <name> [options] | --list]\nAvailable: ${available.join(', ')}`,
  );
  process.exitCode = 1;
} else {
  const bench = (await import(`./${name}.ts`)) as { run(args: string[]): Promise<number> };
  process.exit(await bench.run(args));
}

/** What `npm run bench` runs: every benchmark once, phase-open at both sizes the issue names. */
function allRuns(): string[][] {
  return available.flatMap((bench) =>
    bench === 'phase-open'
      ? [
          [bench, '--groups', '3'],
          [bench, '--groups', '20'],
        ]
      : [[bench]],
  );
}

function runAll(): number {
  const outcomes = allRuns().map((runArgs) => {
    const bench = runArgs.join(' ');
    console.log(`\n=== ${bench}`);
    const started = Date.now();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), ...runArgs],
      {
        stdio: 'inherit',
      },
    );
    return { bench, status: child.status ?? 1, minutes: (Date.now() - started) / 60_000 };
  });
  console.log('\nbenchmark                  exit  minutes');
  for (const o of outcomes) {
    console.log(
      `${o.bench.padEnd(26)} ${String(o.status).padStart(4)}  ${o.minutes.toFixed(1).padStart(7)}`,
    );
  }
  // Non-zero means a benchmark could not run; a missed target is in its own table, not here.
  return outcomes.some((o) => o.status !== 0) ? 1 : 0;
}
