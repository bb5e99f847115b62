/**
 * The client's JavaScript as browsers download it: `npm run bench -- bundle [--no-build]`.
 * Builds client/dist, then sums gzip sizes: what the join page loads first (index.html's script
 * and modulepreloads), and what each lazy screen adds on top (its chunk and the chunks it imports
 * statically, minus what is already loaded). Target from issue 6: join page ≤ 200 KB gzip.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'client/dist');
const assets = path.join(dist, 'assets');
const targetKb = 200;
const lazyScreens = ['DeviceCheck', 'EventPage', 'Stage', 'OrganizerConsole'];

// kB as Vite reports them (1000 bytes), gzip at zlib's default level.
const kb = (bytes: number) => Math.round(bytes / 100) / 10;
const gzipBytes = (file: string) => gzipSync(readFileSync(path.join(assets, file))).length;

/** The chunks a chunk imports before it runs (not its `import()`s), itself included. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(path.join(assets, file), 'utf8');
  for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
    staticClosure(match[1]!, seen);
  }
  return seen;
}

export async function run(args: string[]): Promise<number> {
  if (!args.includes('--no-build')) {
    execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'pipe' });
  }
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const initial = new Set<string>();
  for (const file of entry) staticClosure(file, initial);
  const initialBytes = [...initial].reduce((sum, f) => sum + gzipBytes(f), 0);

  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const rows = [{ screen: 'join page (initial)', chunks: initial.size, kb: kb(initialBytes) }];
  for (const screen of lazyScreens) {
    const chunk = files.find((f) => f.startsWith(`${screen}-`));
    if (!chunk) continue;
    const added = [...staticClosure(chunk)].filter((f) => !initial.has(f));
    rows.push({
      screen: `+ ${screen}`,
      chunks: added.length,
      kb: kb(added.reduce((sum, f) => sum + gzipBytes(f), 0)),
    });
  }
  console.table(rows);
  const ok = kb(initialBytes) <= targetKb;
  console.log(JSON.stringify({ bench: 'bundle', initialKb: kb(initialBytes), targetKb, ok, rows }));
  return ok ? 0 : 1;
}
