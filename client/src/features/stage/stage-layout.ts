/**
 * Who the stage shows large, who beside, and whose tile never leaves it. Pure and free of LiveKit
 * types, so every rule is tested (stage-layout.test.ts); StageView maps LiveKit track references
 * to `StageTile` and back by `key`.
 *
 * The main tile, in this order: the person one pinned for oneself; the person a moderator put in
 * the spotlight for everyone; a shared screen; the current agenda item's speakers with video; the
 * active speaker with video; whoever was main and still shows video; anyone with video. A tile
 * without video is main only when nobody shows video (or when pinned or spotlighted on purpose).
 * Sign-language interpreters keep their own tile beside the main one and are never chosen
 * automatically.
 */

export interface StageTile {
  key: string;
  /** The person (LiveKit identity = person id). */
  identity: string;
  source: 'camera' | 'screen_share';
  isLocal: boolean;
  /** A video track is there and not muted. */
  hasVideo: boolean;
  /** Speaking now (LiveKit's active speakers). */
  speaking: boolean;
}

export interface StageChoice {
  roomKind: 'plenary' | 'working_group';
  /** The current agenda item's speakers (person ids); when none are known, speakers by role. */
  agendaSpeakerIds: ReadonlySet<string>;
  /** Pinned by this person for themselves (a person id). */
  pinnedId: string | null;
  /** Put in the spotlight for everyone by a moderator (a person id). */
  spotlightId: string | null;
  interpreterIds: ReadonlySet<string>;
  /** The main tile's key before this change: kept through a pause instead of jumping. */
  previousMain: string | null;
}

export type MainReason =
  | 'pinned'
  | 'spotlight'
  | 'screen'
  | 'agenda_speaker'
  | 'active_speaker'
  | 'kept'
  | 'video'
  | 'no_video';

export type StageLayout =
  | { mode: 'empty'; interpreters: string[] }
  | { mode: 'focus'; main: string; reason: MainReason; side: string[]; interpreters: string[] }
  | { mode: 'grid'; tiles: string[]; interpreters: string[] };

/** A person's tile for the main place: their shared screen if they share, else their camera. */
function tileOfPerson(tiles: readonly StageTile[], identity: string | null) {
  if (!identity) return undefined;
  const own = tiles.filter((t) => t.identity === identity);
  return own.find((t) => t.source === 'screen_share') ?? own[0];
}

/** Others before oneself; among them the speaking one, then the one already main, then the first. */
function best(candidates: readonly StageTile[], previousMain: string | null) {
  const others = candidates.filter((t) => !t.isLocal);
  const pool = others.length > 0 ? others : candidates;
  return pool.find((t) => t.speaking) ?? pool.find((t) => t.key === previousMain) ?? pool[0];
}

function chooseMain(
  tiles: readonly StageTile[],
  choice: StageChoice,
): { tile: StageTile; reason: MainReason } | null {
  const pinned = tileOfPerson(tiles, choice.pinnedId);
  if (pinned) return { tile: pinned, reason: 'pinned' };
  const spotlit = tileOfPerson(tiles, choice.spotlightId);
  if (spotlit) return { tile: spotlit, reason: 'spotlight' };

  // A shared screen is what everyone should read: someone else's before one's own.
  const screens = tiles.filter((t) => t.source === 'screen_share');
  const screen = screens.find((t) => !t.isLocal) ?? screens[0];
  if (screen) return { tile: screen, reason: 'screen' };

  const cameras = tiles.filter(
    (t) => t.source === 'camera' && !choice.interpreterIds.has(t.identity),
  );
  const withVideo = cameras.filter((t) => t.hasVideo);
  const agenda = best(
    withVideo.filter((t) => choice.agendaSpeakerIds.has(t.identity)),
    choice.previousMain,
  );
  if (agenda) return { tile: agenda, reason: 'agenda_speaker' };
  const speaker = withVideo.find((t) => t.speaking && !t.isLocal);
  if (speaker) return { tile: speaker, reason: 'active_speaker' };
  const kept = withVideo.find((t) => t.key === choice.previousMain);
  if (kept) return { tile: kept, reason: 'kept' };
  const video = best(withVideo, null);
  if (video) return { tile: video, reason: 'video' };
  // Nobody shows video: the agenda's speaker, whoever speaks, or who was there.
  const anyone =
    best(
      cameras.filter((t) => choice.agendaSpeakerIds.has(t.identity)),
      choice.previousMain,
    ) ?? best(cameras, choice.previousMain);
  return anyone ? { tile: anyone, reason: 'no_video' } : null;
}

export function chooseStageLayout(tiles: readonly StageTile[], choice: StageChoice): StageLayout {
  const main = chooseMain(tiles, choice);
  // Interpreters stay beside the main tile, unless they are the main tile themselves.
  const interpreters = tiles
    .filter(
      (t) =>
        t.source === 'camera' && choice.interpreterIds.has(t.identity) && t.key !== main?.tile.key,
    )
    .map((t) => t.key);
  const rest = tiles.filter((t) => !interpreters.includes(t.key));
  if (!main) {
    return rest.length === 0
      ? { mode: 'empty', interpreters }
      : { mode: 'grid', tiles: rest.map((t) => t.key), interpreters };
  }
  // A working group is a conversation: a grid, unless something asks for a main tile.
  const chosen =
    main.reason === 'pinned' || main.reason === 'spotlight' || main.reason === 'screen';
  if (choice.roomKind === 'working_group' && !chosen && rest.length > 1) {
    return { mode: 'grid', tiles: rest.map((t) => t.key), interpreters };
  }
  // Beside the main tile: those with video first, speakers among them first.
  const side = rest
    .filter((t) => t.key !== main.tile.key)
    .sort(
      (a, b) => Number(b.hasVideo) - Number(a.hasVideo) || Number(b.speaking) - Number(a.speaking),
    )
    .map((t) => t.key);
  return { mode: 'focus', main: main.tile.key, reason: main.reason, side, interpreters };
}
