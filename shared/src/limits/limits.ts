/**
 * `@plenum/shared/limits`: the numbers the schemas enforce, without zod, so that a form can say
 * "at most 200 characters" before the server does. The schemas import them from here; nothing
 * else writes them down.
 */

/** An inclusive range of whole numbers. */
export interface Range {
  min: number;
  max: number;
}

export const CHAT_MAX_LENGTH = 2000;
/** History pages hold at most this many messages. */
export const CHAT_PAGE_SIZE = 50;
/** A catch-up answers at most this many messages; `hasMore` asks the client to continue. */
export const CHAT_CATCH_UP_LIMIT = 500;
export const QUESTION_MAX_LENGTH = 500;
export const NOTES_MAX_LENGTH = 50_000;
/** The name of a notes document's one Y.Text (Markdown); here so the client needs no zod for it. */
export const NOTES_TEXT_NAME = 'body';

/**
 * Live-edited notes (Yjs documents, `notes:*` events). Binary Yjs data travels as base64; each
 * cap is in base64 characters. An update over `updateMax` is refused (`validation_failed`): a
 * client sends its edits at most every `updateIntervalMs`, merged (Y.mergeUpdates), which keeps
 * each far below. Documents whose text would pass NOTES_MAX_LENGTH are refused as `conflict`.
 */
export const notesLimits = {
  /** One `notes:update` (≈ 45 KB of binary update; the socket refuses packets over 64 KB). */
  updateMax: 60_000,
  /** A Yjs state vector (a few bytes per client that ever wrote). */
  stateVectorMax: 16_000,
  /** An encoded Y.RelativePosition (cursor anchor or head). */
  positionMax: 256,
  /** The client sends at most one update per this many ms (merging what was typed meanwhile). */
  updateIntervalMs: 250,
  /** …and at most one cursor per this many ms (the latest wins). */
  cursorIntervalMs: 500,
} as const;
/** `notes:update` per person, across their windows and the nodes: 30 within 5 s. */
export const NOTES_UPDATE_LIMIT = { max: 30, windowMs: 5_000 } as const;
export const HELP_MESSAGE_MAX_LENGTH = 500;

export const eventLimits = {
  slug: { min: 3, max: 64 },
  titleMax: 200,
  descriptionMax: 5000,
  timeZoneMax: 64,
  /** The event's own privacy notice and imprint links. */
  linkMax: 2000,
} as const;

export const personLimits = {
  displayNameMax: 80,
  emailMax: 254,
} as const;

export const invitationLimits = {
  labelMax: 120,
  maxUses: { min: 1, max: 100_000 },
} as const satisfies Record<string, number | Range>;

export const roomLimits = {
  nameMax: 200,
  descriptionMax: 5000,
  capacity: { min: 1, max: 10_000 },
  moderatorsMax: 20,
} as const satisfies Record<string, number | Range>;

export const agendaLimits = {
  titleMax: 200,
  descriptionMax: 10_000,
  speakersMax: 50,
  speakerNameMax: 120,
  affiliationMax: 200,
  durationMinutes: { min: 1, max: 1440 },
  extendMinutes: { min: 1, max: 240 },
  /** A delay (positive) or a gain (negative); 0 changes nothing and is refused. */
  shiftMinutes: { min: -240, max: 240 },
} as const satisfies Record<string, number | Range>;

export const phaseLimits = {
  titleMax: 200,
  groupsMax: 50,
  durationMinutes: { min: 1, max: 480 },
  extendMinutes: { min: 1, max: 120 },
} as const satisfies Record<string, number | Range>;

export const pollLimits = {
  questionMax: 300,
  optionMax: 120,
  /** Choices of a single- or multiple-choice poll. */
  options: { min: 2, max: 10 },
  /** A rating poll asks for one whole number on this scale. */
  rating: { min: 1, max: 5 },
  /** Live counts reach the room's staff at most this often per poll (all nodes together). */
  countsIntervalMs: 250,
} as const satisfies Record<string, number | Range>;

/** Reactions per person, across their windows and the nodes: one a second, bursts of three. */
export const REACTION_LIMIT = { max: 3, windowMs: 3_000 } as const;
/** A room hears at most one burst of reactions per window (per node). */
export const REACTION_WINDOW_MS = 250;
export const CAPTION_MAX_LENGTH = 500;

export const privacyLimits = {
  retentionDays: { min: 1, max: 3650 },
  auditPageMax: 200,
} as const satisfies Record<string, number | Range>;
