/**
 * Runs one benchmark by name: `npm run bench -- chat-fanout [--clients 1000 ...]`.
 * Each benchmark is bench/<name>.ts exporting `run(args: string[])`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.includes('.server.'))
  .map((f) => f.slice(0, -3));

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name> [options]\nAvailable: ${available.join(', ')}`);
  process.exit(name ? 1 : 0);
}
const bench = (await import(`./${name}.ts`)) as { run(args: string[]): Promise<number> };
process.exit(await bench.run(args));
