import type { Figures, StepResult } from './steps.ts';

const mark = { passed: 'passed ', failed: 'FAILED ', skipped: 'skipped' } as const;

const seconds = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

/** One printed line per step, as it finishes. */
export function formatStep(result: StepResult): string {
  const time = result.status === 'skipped' ? '' : ` (${seconds(result.ms)})`;
  const detail = result.detail ? ` — ${result.detail}` : '';
  return `${mark[result.status]} ${result.name}${time}${detail}`;
}

/** What each figure measures, in the order of the day. */
export const figureLabels: Record<string, string> = {
  joinP50: 'join p50 (redeem + socket + token)',
  joinP99: 'join p99',
  firstAudioFrame: 'first audio frame (plenary, slowest listener)',
  chatP50: 'chat p50 (send → receive)',
  chatP99: 'chat p99',
  openToLastAssigned: 'phase open → last room:assigned',
  deadlineToClosed: 'deadline → closed (server clock)',
  closeToLastBack: 'close → last back in the plenary',
  firstAudioFrameBack: 'first audio frame back in the plenary',
};

/** The figures as a two-column table; unmeasured ones show as "—". */
export function formatFigures(figures: Figures): string {
  const names = Object.keys(figureLabels).filter((k) => k in figures);
  const width = Math.max(...names.map((k) => figureLabels[k]!.length), 6);
  const lines = names.map((k) => {
    const value = figures[k];
    return `  ${figureLabels[k]!.padEnd(width)}  ${value === null || value === undefined ? '—' : seconds(value)}`;
  });
  return lines.length ? ['Figures:', ...lines].join('\n') : 'Figures: none measured';
}

export function formatSummary(results: StepResult[]): string {
  const count = (s: StepResult['status']) => results.filter((r) => r.status === s).length;
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
}

/** The one JSON line `--json` prints last. */
export function reportJson(
  results: StepResult[],
  figures: Figures,
  extra: Record<string, unknown>,
): string {
  return JSON.stringify({
    ok: results.every((r) => r.status === 'passed'),
    ...extra,
    steps: results.map((r) => ({ ...r, ms: Math.round(r.ms) })),
    figures,
  });
}
