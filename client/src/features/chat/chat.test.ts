import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@plenum/shared';
import {
  chatReducer,
  emptyChat,
  lastSeenId,
  MAX_MESSAGES_KEPT,
  unreadCount,
  type ChatAction,
} from './chat.ts';

const roomId = '00000000-0000-4000-8000-000000000001';
const otherRoom = '00000000-0000-4000-8000-000000000002';

function message(id: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    clientId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    roomId,
    scope: 'room',
    author: { id: '00000000-0000-4000-8000-0000000000aa', displayName: 'Anna' },
    body: `Nachricht ${id}`,
    createdAt: '2026-03-12T09:00:00Z',
    pinned: false,
    ...extra,
  };
}
const page = (ids: number[], hasMore = false) => ({
  messages: ids.map((id) => message(id)),
  hasMore,
  pinned: [],
  locked: false,
});
const run = (...actions: ChatAction[]) => actions.reduce(chatReducer, emptyChat(roomId));
const ids = (state: { messages: ChatMessage[] }) => state.messages.map((m) => m.id);

describe('chat room state', () => {
  it('shows the newest page and offers older messages', () => {
    const state = run({ type: 'history', page: page([10, 11], true), older: false });
    expect(ids(state)).toEqual([10, 11]);
    expect(state.hasMore).toBe(true);
  });

  it('puts an older page before the messages already shown', () => {
    const state = run(
      { type: 'history', page: page([10, 11], true), older: false },
      { type: 'history', page: page([8, 9], false), older: true },
    );
    expect(ids(state)).toEqual([8, 9, 10, 11]);
    expect(state.hasMore).toBe(false);
  });

  it('shows a live message once, even when it also comes back with the send ack', () => {
    const state = run(
      { type: 'history', page: page([1]), older: false },
      { type: 'received', message: message(2) },
      { type: 'sent', message: message(2) },
    );
    expect(ids(state)).toEqual([1, 2]);
  });

  it('keeps a message typed while offline as pending until the server stores it', () => {
    const mine = message(5, { body: 'Hallo' });
    const sending = run({ type: 'sending', clientId: mine.clientId, body: 'Hallo' });
    expect(sending.pending).toEqual([
      { clientId: mine.clientId, body: 'Hallo', status: 'sending' },
    ]);
    const failed = chatReducer(sending, { type: 'sendFailed', clientId: mine.clientId });
    expect(failed.pending[0]?.status).toBe('failed');
    // After the reconnect the catch-up brings the stored message: the pending copy goes.
    const caughtUp = chatReducer(failed, {
      type: 'caughtUp',
      result: { ...page([]), messages: [mine], deletedIds: [] },
    });
    expect(caughtUp.pending).toEqual([]);
    expect(ids(caughtUp)).toEqual([5]);
  });

  it('drops a message the server refused for good', () => {
    const state = run(
      { type: 'sending', clientId: 'a', body: 'x' },
      { type: 'discarded', clientId: 'a' },
    );
    expect(state.pending).toEqual([]);
  });

  it('adds what was missed and removes what was deleted during a reconnect', () => {
    const state = run(
      { type: 'history', page: page([1, 2, 3]), older: false },
      { type: 'caughtUp', result: { ...page([4, 5]), deletedIds: [2] } },
    );
    expect(ids(state)).toEqual([1, 3, 4, 5]);
    expect(lastSeenId(state)).toBe(5);
  });

  it('starts a catch-up from zero when nothing was seen yet', () => {
    expect(lastSeenId(emptyChat(roomId))).toBe(0);
  });

  it('ignores messages of another room but keeps announcements', () => {
    const state = run(
      { type: 'received', message: message(1, { roomId: otherRoom }) },
      { type: 'received', message: message(2, { roomId: null, scope: 'working_groups' }) },
    );
    expect(ids(state)).toEqual([2]);
  });

  it('removes a deleted message, also from the pins', () => {
    const pinned = message(1, { pinned: true });
    const state = run(
      {
        type: 'history',
        page: { ...page([]), messages: [pinned], pinned: [pinned] },
        older: false,
      },
      { type: 'deleted', messageId: 1 },
    );
    expect(state.messages).toEqual([]);
    expect(state.pinned).toEqual([]);
  });

  it('pins and unpins a message', () => {
    const pinned = run(
      { type: 'history', page: page([1]), older: false },
      { type: 'pinned', message: message(1, { pinned: true }) },
    );
    expect(pinned.pinned.map((m) => m.id)).toEqual([1]);
    expect(pinned.messages[0]?.pinned).toBe(true);
    const unpinned = chatReducer(pinned, { type: 'pinned', message: message(1) });
    expect(unpinned.pinned).toEqual([]);
  });

  it('keeps at most a bounded number of messages and lets the rest be paged back in', () => {
    const many = Array.from({ length: MAX_MESSAGES_KEPT + 5 }, (_, i) => i + 1);
    const state = run({ type: 'history', page: page(many), older: false });
    expect(state.messages).toHaveLength(MAX_MESSAGES_KEPT);
    expect(state.messages[0]?.id).toBe(6);
    expect(state.hasMore).toBe(true);
  });
});

describe('the chat tab’s unread badge', () => {
  it('counts others’ messages after the last one seen, never one’s own', () => {
    const me = '00000000-0000-4000-8000-0000000000bb';
    const messages = [
      message(1),
      message(2),
      message(3, { author: { id: me, displayName: 'Ich' } }),
      message(4),
    ];
    expect(unreadCount(messages, 1, me)).toBe(2);
    expect(unreadCount(messages, 4, me)).toBe(0);
  });
});
