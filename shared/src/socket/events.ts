import { z } from 'zod';
import type { ErrorCode } from '../errors/schemas.ts';
import { Slug } from '../events/schemas.ts';
import {
  ChatAnnounceInput,
  ChatCatchUpInput,
  ChatDeleteInput,
  ChatHistoryInput,
  ChatLockInput,
  ChatPinInput,
  ChatSendInput,
  type ChatCatchUp,
  type ChatDeleted,
  type ChatHistory,
  type ChatLocked,
  type ChatMessage,
} from '../chat/schemas.ts';
import { HandDismissInput, HandRoomInput, type Hand, type HandQueue } from '../hands/schemas.ts';
import { ReactionSendInput, type ReactionBurst } from '../reactions/schemas.ts';
import {
  CaptionWriteInput,
  type CaptionLine,
  type CaptionTranscriptState,
} from '../captions/schemas.ts';
import {
  QuestionAskInput,
  QuestionIdInput,
  QuestionListInput,
  type Question,
  type QuestionHidden,
  type QuestionList,
  type QuestionUpvoted,
} from '../questions/schemas.ts';
import {
  GroupVisitInput,
  HelpDoneInput,
  HelpListInput,
  type HelpList,
  type HelpRequest,
  type Notes,
  type Phase,
  type RoomAssigned,
  type VisitNotice,
} from '../phases/schemas.ts';
import {
  NotesCloseInput,
  NotesCursorInput,
  NotesOpenInput,
  NotesUpdateInput,
  type NotesLeft,
  type NotesOpened,
  type NotesPresence,
  type NotesUpdateBroadcast,
} from '../notes/schemas.ts';
import type { RoomKind } from '../rooms/schemas.ts';
import type { AgendaUpdated } from '../agenda/schemas.ts';
import { PresenceListInput, type PresenceList, type PresenceUpdate } from '../presence/schemas.ts';
import {
  PollCreateInput,
  PollIdInput,
  PollListInput,
  PollVoteInput,
  type Poll,
  type PollClosed,
  type PollList,
  type PollTally,
} from '../polls/schemas.ts';
import {
  ResultsCurrentInput,
  ResultsHideInput,
  ResultsShowInput,
  type ResultsHidden,
  type ResultsShown,
} from '../results/schemas.ts';
import {
  StageInterpreterInput,
  StageSpotlightInput,
  StageStateInput,
  type StageInterpreters,
  type StageSpotlight,
  type StageState,
} from '../stage/schemas.ts';

/** What the client sends in the handshake (`io(url, { auth })`); the session is the cookie. */
export const SocketAuth = z.object({ event: Slug });
export type SocketAuth = z.infer<typeof SocketAuth>;

export interface AckError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}
/** Every client event is acknowledged with this. */
export type Ack<T extends object = Record<never, never>> =
  ({ ok: true } & T) | { ok: false; error: AckError };
export type AckCallback<T extends object> = (ack: Ack<T>) => void;

/** The payload schema of every client event; the server validates with exactly these. */
export const clientEventSchemas = {
  'presence:list': PresenceListInput,
  'chat:send': ChatSendInput,
  'chat:announce': ChatAnnounceInput,
  'chat:history': ChatHistoryInput,
  'chat:catchUp': ChatCatchUpInput,
  'chat:delete': ChatDeleteInput,
  'chat:pin': ChatPinInput,
  'chat:lock': ChatLockInput,
  'hand:raise': HandRoomInput,
  'hand:lower': HandRoomInput,
  'hand:list': HandRoomInput,
  'hand:takeNext': HandRoomInput,
  'hand:dismiss': HandDismissInput,
  'question:ask': QuestionAskInput,
  'question:list': QuestionListInput,
  'question:upvote': QuestionIdInput,
  'question:answer': QuestionIdInput,
  'question:hide': QuestionIdInput,
  'reaction:send': ReactionSendInput,
  'caption:write': CaptionWriteInput,
  'group:visit': GroupVisitInput,
  'group:leave': GroupVisitInput,
  'help:list': HelpListInput,
  'help:done': HelpDoneInput,
  'poll:create': PollCreateInput,
  'poll:open': PollIdInput,
  'poll:close': PollIdInput,
  'poll:vote': PollVoteInput,
  'poll:list': PollListInput,
  'results:show': ResultsShowInput,
  'results:hide': ResultsHideInput,
  'results:current': ResultsCurrentInput,
  'stage:spotlight': StageSpotlightInput,
  'stage:state': StageStateInput,
  'stage:interpreter': StageInterpreterInput,
  'notes:open': NotesOpenInput,
  'notes:update': NotesUpdateInput,
  'notes:cursor': NotesCursorInput,
  'notes:close': NotesCloseInput,
} as const;

/** What a visitor gets on entering a group: where they are now and what is going on there. */
export interface GroupVisited {
  room: { id: string; name: string; kind: RoomKind };
  hands: Hand[];
  chat: ChatHistory;
  /** The group's notes in the running phase; null when no phase with this group is open. */
  notes: Notes | null;
}

/** What a successful ack carries besides `ok: true`. */
export interface ClientEventReplies {
  'presence:list': PresenceList;
  'chat:send': { message: ChatMessage };
  'chat:announce': { message: ChatMessage };
  'chat:history': ChatHistory;
  'chat:catchUp': ChatCatchUp;
  'chat:delete': ChatDeleted;
  'chat:pin': { message: ChatMessage };
  'chat:lock': ChatLocked;
  'hand:raise': { hand: Hand };
  'hand:lower': { hand: Hand | null };
  'hand:list': HandQueue;
  'hand:takeNext': { hand: Hand | null };
  'hand:dismiss': { hand: Hand };
  'question:ask': { question: Question };
  'question:list': QuestionList;
  'question:upvote': { question: Question };
  'question:answer': { question: Question };
  'question:hide': QuestionHidden;
  /** Accepted: the click counts in the room's next burst. */
  'reaction:send': Record<never, never>;
  'caption:write': { line: CaptionLine };
  'group:visit': GroupVisited;
  /** Where the socket is now: the plenary, or the group the person is assigned to. */
  'group:leave': { roomId: string | null };
  'help:list': HelpList;
  'help:done': { request: HelpRequest };
  'poll:create': { poll: Poll };
  'poll:open': { poll: Poll };
  'poll:close': PollClosed;
  'poll:vote': { pollId: string; choices: number[] };
  'poll:list': PollList;
  'results:show': { results: ResultsShown };
  'results:hide': ResultsHidden;
  /** null while nothing is shown. */
  'results:current': { results: ResultsShown | null };
  'stage:spotlight': StageSpotlight;
  'stage:state': StageState;
  'stage:interpreter': StageInterpreters;
  'notes:open': NotesOpened;
  /** Stored (in Postgres, before this ack) and sent to the document's other readers. */
  'notes:update': Record<never, never>;
  'notes:cursor': Record<never, never>;
  'notes:close': Record<never, never>;
}

export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientEventPayload<E extends ClientEventName> = z.input<(typeof clientEventSchemas)[E]>;
export type ClientEventReply<E extends ClientEventName> = ClientEventReplies[E];

export type ClientToServerEvents = {
  [E in ClientEventName]: (
    payload: ClientEventPayload<E>,
    ack: AckCallback<ClientEventReply<E>>,
  ) => void;
};

export interface ServerToClientEvents {
  'presence:updated': (update: PresenceUpdate) => void;
  'chat:message': (message: ChatMessage) => void;
  'chat:deleted': (deleted: ChatDeleted) => void;
  'chat:pinned': (message: ChatMessage) => void;
  'chat:locked': (locked: ChatLocked) => void;
  'hand:raised': (hand: Hand) => void;
  'hand:lowered': (hand: Hand) => void;
  'hand:taken': (hand: Hand) => void;
  'hand:dismissed': (hand: Hand) => void;
  'question:asked': (question: Question) => void;
  'question:upvoted': (upvoted: QuestionUpvoted) => void;
  'question:answered': (question: Question) => void;
  'question:hidden': (hidden: QuestionHidden) => void;
  /** Reactions one node counted in one window (≤ 4 per second per node and room). */
  'reaction:burst': (burst: ReactionBurst) => void;
  /** A captioner's current line (interim, replaced while typing) or a committed one. */
  'caption:line': (line: CaptionLine) => void;
  /** The organizer switched the event's caption transcript on or off. */
  'caption:transcript': (state: CaptionTranscriptState) => void;
  /** The server moved this person: switch media to the room in `media` (phases issue). */
  'room:assigned': (assigned: RoomAssigned) => void;
  /** A working-group phase opened, changed (extended, assignments) or closed. */
  'phase:updated': (phase: Phase) => void;
  /** Someone else's edits of a notes document this socket opened (stored before sent). */
  'notes:update': (update: NotesUpdateBroadcast) => void;
  /** Someone's cursor in a notes document this socket opened (not stored). */
  'notes:presence': (presence: NotesPresence) => void;
  /** Someone closed a notes document (or their connection): drop their cursor. */
  'notes:left': (left: NotesLeft) => void;
  /** A group asks the organizers for help. */
  'help:requested': (request: HelpRequest) => void;
  /** A help request was marked done (by whom and when are in it). */
  'help:updated': (request: HelpRequest) => void;
  /** Someone who does not belong in this room (a moderator, an organizer) looks in. */
  'visit:arrived': (notice: VisitNotice) => void;
  /** That visitor went again. */
  'visit:left': (notice: VisitNotice) => void;
  /** The whole agenda after any change (edit, import, start, end, extend, shift). */
  'agenda:updated': (update: AgendaUpdated) => void;
  /** A poll opened in this room (or event-wide): everyone there may vote. */
  'poll:opened': (poll: Poll) => void;
  /** Live counts of an open poll, to the room's organizers and moderators only (≤ 4/s). */
  'poll:counts': (tally: PollTally) => void;
  /** A poll closed: its results (names only to staff, and only in named polls). */
  'poll:closed': (closed: PollClosed) => void;
  /** A moderator put someone on everyone's main tile in this room, or gave the stage back. */
  'stage:spotlighted': (spotlight: StageSpotlight) => void;
  /** The organizer changed who interprets in sign language (their tiles stay visible). */
  'stage:interpreters': (interpreters: StageInterpreters) => void;
  /** A phase's results are shown in the plenary (also sent to a socket that (re)connects then). */
  'results:shown': (results: ResultsShown) => void;
  /** The results were taken off the plenary. */
  'results:hidden': (hidden: ResultsHidden) => void;
  /** Sent once before the server disconnects a socket that keeps flooding. */
  'socket:flooded': (notice: { message: string }) => void;
  /**
   * Sent once before the server closes a connection for another reason: its session ended
   * (logout, expiry) while it was away, or the person opened more connections than allowed and
   * this, their oldest, makes room.
   */
  'socket:closed': (notice: SocketClosed) => void;
  /**
   * Broadcasts may have been lost between the nodes (Redis was away): catch up from the database
   * as after a reconnect. Sent to every socket when a node's Redis link comes back.
   */
  'socket:resync': (notice: { reason: 'nodes_reconnected' }) => void;
}

export interface SocketClosed {
  reason: 'session_ended' | 'too_many_connections';
  message: string;
}

export const serverEventNames = [
  'presence:updated',
  'chat:message',
  'chat:deleted',
  'chat:pinned',
  'chat:locked',
  'hand:raised',
  'hand:lowered',
  'hand:taken',
  'hand:dismissed',
  'question:asked',
  'question:upvoted',
  'question:answered',
  'question:hidden',
  'reaction:burst',
  'caption:line',
  'caption:transcript',
  'room:assigned',
  'phase:updated',
  'notes:update',
  'notes:presence',
  'notes:left',
  'help:requested',
  'help:updated',
  'visit:arrived',
  'visit:left',
  'agenda:updated',
  'poll:opened',
  'poll:counts',
  'poll:closed',
  'results:shown',
  'results:hidden',
  'stage:spotlighted',
  'stage:interpreters',
  'socket:flooded',
  'socket:closed',
  'socket:resync',
] as const satisfies readonly (keyof ServerToClientEvents)[];
