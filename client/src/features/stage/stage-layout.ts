/**
 * How the stage arranges the people who publish: a shared screen first, then the active speaker
 * large in the plenary, a grid in working groups. Pure and free of LiveKit types, so the rules can
 * be tested; the stage maps LiveKit track references to `StageTile` and back by `key`.
 */

export interface StageTile {
  key: string;
  identity: string;
  source: 'camera' | 'screen_share';
  isLocal: boolean;
  hasVideo: boolean;
}

export type StageLayout =
  | { mode: 'empty' }
  | { mode: 'single'; focus: string }
  | { mode: 'focus'; focus: string; others: string[] }
  | { mode: 'grid'; tiles: string[] };

export function chooseStageLayout(
  tiles: readonly StageTile[],
  speaking: readonly string[],
  previousFocus: string | null,
  roomKind: 'plenary' | 'working_group',
): StageLayout {
  if (tiles.length === 0) return { mode: 'empty' };
  const focusOn = (focus: StageTile): StageLayout => ({
    mode: 'focus',
    focus: focus.key,
    others: tiles.filter((t) => t.key !== focus.key).map((t) => t.key),
  });

  // A shared screen is what everyone should read: prefer someone else's over one's own.
  const screens = tiles.filter((t) => t.source === 'screen_share');
  const screen = screens.find((t) => !t.isLocal) ?? screens[0];
  if (screen) return tiles.length === 1 ? { mode: 'single', focus: screen.key } : focusOn(screen);
  if (tiles.length === 1) return { mode: 'single', focus: tiles[0]!.key };
  if (roomKind === 'working_group') return { mode: 'grid', tiles: tiles.map((t) => t.key) };

  // The plenary: whoever speaks now (not oneself), else whoever spoke last, else a presenter.
  const cameras = tiles.filter((t) => t.source === 'camera');
  const speaker = speaking
    .map((identity) => cameras.find((t) => t.identity === identity && !t.isLocal))
    .find(Boolean);
  const previous = cameras.find((t) => t.key === previousFocus);
  const presenter =
    cameras.find((t) => !t.isLocal && t.hasVideo) ?? cameras.find((t) => !t.isLocal);
  return focusOn(speaker ?? previous ?? presenter ?? tiles[0]!);
}
