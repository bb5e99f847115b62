import type { ResultsShown } from '@plenum/shared';

/** What the plenary shows beside the stage: one phase's results, or nothing. */
export type PlenaryResults = ResultsShown | null;

export type PlenaryResultsEvent =
  | { type: 'loaded'; results: ResultsShown | null }
  | { type: 'shown'; results: ResultsShown }
  | { type: 'hidden'; phaseId: string }
  /** A new phase opened: the server has taken earlier results off the plenary. */
  | { type: 'phaseOpened' };

/**
 * The latest word wins: shown results replace what was there; hiding another phase's results
 * (an old notice arriving late) leaves the current ones alone.
 */
export function plenaryResults(state: PlenaryResults, event: PlenaryResultsEvent): PlenaryResults {
  switch (event.type) {
    case 'loaded':
    case 'shown':
      return event.results;
    case 'hidden':
      return state?.phaseId === event.phaseId ? null : state;
    case 'phaseOpened':
      return null;
  }
}

/** The tab after a key press in a tab list (arrows wrap, Home and End jump); null: not ours. */
export function nextTab(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
