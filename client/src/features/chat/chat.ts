import type { ChatCatchUp, ChatHistory, ChatMessage } from '@plenum/shared';

/**
 * One room's chat as this browser knows it: messages in server order, what is still on its way
 * (sent while offline, say), pins and the lock. Pure, so merging history pages, live messages,
 * catch-ups after a reconnect and our own resends can be tested without a server.
 */

export interface PendingMessage {
  clientId: string;
  body: string;
  status: 'sending' | 'failed';
}

export interface ChatRoomState {
  roomId: string;
  /** Oldest first, unique by id. Announcements (roomId null) are part of every room's list. */
  messages: ChatMessage[];
  /** Ours, not yet confirmed by the server; they disappear when the stored message arrives. */
  pending: PendingMessage[];
  pinned: ChatMessage[];
  locked: boolean;
  /** Older messages exist on the server: offer "load earlier messages". */
  hasMore: boolean;
  loaded: boolean;
}

export type ChatAction =
  | { type: 'history'; page: ChatHistory; older: boolean }
  | { type: 'caughtUp'; result: ChatCatchUp }
  | { type: 'received'; message: ChatMessage }
  | { type: 'deleted'; messageId: number }
  | { type: 'pinned'; message: ChatMessage }
  | { type: 'locked'; locked: boolean }
  | { type: 'sending'; clientId: string; body: string }
  | { type: 'sent'; message: ChatMessage }
  | { type: 'sendFailed'; clientId: string }
  /** Given up on: the server refused it (too long, chat locked); its text went back to the input. */
  | { type: 'discarded'; clientId: string };

/** A long day's chat stays responsive: older messages are dropped and can be paged back in. */
export const MAX_MESSAGES_KEPT = 1000;

export function emptyChat(roomId: string): ChatRoomState {
  return {
    roomId,
    messages: [],
    pending: [],
    pinned: [],
    locked: false,
    hasMore: false,
    loaded: false,
  };
}

function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Confirmed messages take the place of their pending copy. */
function withoutConfirmed(pending: PendingMessage[], messages: ChatMessage[]) {
  if (pending.length === 0) return pending;
  const confirmed = new Set(messages.map((m) => m.clientId));
  return pending.filter((p) => !confirmed.has(p.clientId));
}

function capped(state: ChatRoomState): ChatRoomState {
  if (state.messages.length <= MAX_MESSAGES_KEPT) return state;
  return { ...state, messages: state.messages.slice(-MAX_MESSAGES_KEPT), hasMore: true };
}

function belongsHere(state: ChatRoomState, message: ChatMessage) {
  return message.roomId === null || message.roomId === state.roomId;
}

export function chatReducer(state: ChatRoomState, action: ChatAction): ChatRoomState {
  switch (action.type) {
    case 'history': {
      const { page, older } = action;
      const messages = merge(state.messages, page.messages);
      return capped({
        ...state,
        messages,
        pending: withoutConfirmed(state.pending, page.messages),
        pinned: page.pinned,
        locked: page.locked,
        // Only the oldest page knows whether there is more before it.
        hasMore: older || !state.loaded ? page.hasMore : state.hasMore,
        loaded: true,
      });
    }
    case 'caughtUp': {
      const { result } = action;
      const deleted = new Set(result.deletedIds);
      const messages = merge(
        state.messages.filter((m) => !deleted.has(m.id)),
        result.messages,
      );
      return capped({
        ...state,
        messages,
        pending: withoutConfirmed(state.pending, result.messages),
        pinned: result.pinned,
        locked: result.locked,
        loaded: true,
      });
    }
    case 'received':
    case 'sent': {
      if (!belongsHere(state, action.message)) return state;
      return capped({
        ...state,
        messages: merge(state.messages, [action.message]),
        pending: withoutConfirmed(state.pending, [action.message]),
      });
    }
    case 'deleted':
      return {
        ...state,
        messages: state.messages.filter((m) => m.id !== action.messageId),
        pinned: state.pinned.filter((m) => m.id !== action.messageId),
      };
    case 'pinned': {
      if (!belongsHere(state, action.message)) return state;
      const others = state.pinned.filter((m) => m.id !== action.message.id);
      return {
        ...state,
        messages: state.messages.map((m) => (m.id === action.message.id ? action.message : m)),
        pinned: action.message.pinned ? [...others, action.message] : others,
      };
    }
    case 'locked':
      return { ...state, locked: action.locked };
    case 'sending': {
      const others = state.pending.filter((p) => p.clientId !== action.clientId);
      return {
        ...state,
        pending: [...others, { clientId: action.clientId, body: action.body, status: 'sending' }],
      };
    }
    case 'discarded':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
    case 'sendFailed':
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientId === action.clientId ? { ...p, status: 'failed' } : p,
        ),
      };
  }
}

/** The newest id this browser has seen in the room: where a catch-up starts. */
export function lastSeenId(state: ChatRoomState): number {
  return state.messages.at(-1)?.id ?? 0;
}

export const isAnnouncement = (message: ChatMessage) => message.roomId === null;

/** Messages that came after `seenUpTo` (an id) from others: the chat tab's badge while hidden. */
export function unreadCount(
  messages: readonly ChatMessage[],
  seenUpTo: number,
  myId: string | undefined,
): number {
  return messages.filter((m) => m.id > seenUpTo && m.author?.id !== myId).length;
}
