import type { CaptionLine } from '@plenum/shared';

/** Lines kept on screen; older ones scroll away (the transcript, if kept, is the record). */
export const VISIBLE_LINES = 3;

export interface CaptionsState {
  roomId: string;
  /** Committed lines, oldest first, at most VISIBLE_LINES. */
  done: CaptionLine[];
  /** What each captioner is typing now, by captioner. */
  typing: Record<string, CaptionLine>;
  /** The next line number each captioner may still change (interims below it are stale). */
  nextSeq: Record<string, number>;
}

export const emptyCaptions = (roomId: string): CaptionsState => ({
  roomId,
  done: [],
  typing: {},
  nextSeq: {},
});

/**
 * One incoming line. Interim text replaces the captioner's current line; a final one commits it.
 * An interim that arrives after its line was committed (or a line of another room) is dropped.
 */
export function applyCaption(state: CaptionsState, line: CaptionLine): CaptionsState {
  if (line.roomId !== state.roomId) return state;
  const next = state.nextSeq[line.captionerId] ?? 0;
  if (line.seq < next) return state;
  const { [line.captionerId]: _replaced, ...typing } = state.typing;
  if (!line.final) return { ...state, typing: { ...typing, [line.captionerId]: line } };
  const done = line.text.trim() === '' ? state.done : [...state.done, line].slice(-VISIBLE_LINES);
  return {
    ...state,
    done,
    typing,
    nextSeq: { ...state.nextSeq, [line.captionerId]: line.seq + 1 },
  };
}

export const captionSizes = ['s', 'm', 'l'] as const;
export type CaptionSize = (typeof captionSizes)[number];

/** The viewer's choices, remembered in the browser (not on the server: nobody else needs them). */
export interface CaptionPrefs {
  on: boolean;
  size: CaptionSize;
}

const KEY = 'plenum.captions';

export function loadCaptionPrefs(storage: Pick<Storage, 'getItem'> | null): CaptionPrefs {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<CaptionPrefs> | null;
    const size = captionSizes.find((s) => s === saved?.size) ?? 'm';
    return { on: saved?.on === true, size };
  } catch {
    return { on: false, size: 'm' };
  }
}

export function saveCaptionPrefs(storage: Pick<Storage, 'setItem'> | null, prefs: CaptionPrefs) {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or a full storage: the choice lasts for this page only.
  }
}
