/**
 * The functions with the most self time in a V8 CPU profile (`node --cpu-prof`), as the benches
 * write them with `--cpu-prof` into .data/bench/profiles/:
 *
 *   npx tsx bench/lib/profile-top.ts .data/bench/profiles/<file>.cpuprofile [count]
 *
 * A `<file>.windows.json` beside the profile (written by the bench) limits the count to the
 * measured windows, so that start-up, seeding and connecting do not drown the measured work.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
/** [from, to] in µs of the monotonic clock, as the benches' `mark` requests return them. */
export type Window = [number, number];

/** Self time per function; with windows, only samples taken inside one of them. */
export function topSelfTime(profile: Profile, count = 15, windows: Window[] = []) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    at += micros;
    if (windows.length && !windows.some(([from, to]) => at >= from && at <= to)) return;
    total += micros;
    const frame = byId.get(id)!.callFrame;
    const where = frame.url
      ? `${path.relative(process.cwd(), frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + micros);
  });
  return {
    totalMs: total / 1000,
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([fn, micros]) => ({ fn, ms: micros / 1000, share: micros / total })),
  };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count]');
  const windowsFile = `${file}.windows.json`;
  const windows = existsSync(windowsFile)
    ? (JSON.parse(readFileSync(windowsFile, 'utf8')) as Window[])
    : [];
  const { totalMs, top } = topSelfTime(
    JSON.parse(readFileSync(file, 'utf8')) as Profile,
    Number(process.argv[3] ?? 15),
    windows,
  );
  const scope = windows.length ? ` in ${windows.length} measured windows` : '';
  console.log(`${(totalMs / 1000).toFixed(2)} s sampled${scope}`);
  for (const t of top) {
    console.log(
      `${t.ms.toFixed(0).padStart(7)} ms ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`,
    );
  }
}
