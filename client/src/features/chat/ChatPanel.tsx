import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { ChatMessage } from '@plenum/shared';
import { useLanguage } from '../../app/i18n/index.ts';
import { useAnnounce } from '../../app/status.tsx';
import { formatTime } from '../../lib/time-format.ts';
import { isAnnouncement, unreadCount, type PendingMessage } from './chat.ts';
import { CHAT_MAX_LENGTH } from '@plenum/shared/limits';
import { isRealtimeError } from '../../lib/socket.ts';
import { liveErrorKey, type LiveErrorKey } from '../realtime/errors.ts';
import { readDraft, writeDraft } from './drafts.ts';
import { MessageText } from './MessageText.tsx';
import { useChat } from './useChat.ts';

interface ChatPanelProps {
  room: { id: string; name: string };
  timeZone: string;
  /** Pin and delete messages of this room. */
  canModerate: boolean;
  /** Delete announcements too (organizers). */
  canModerateAnnouncements: boolean;
  /** Whether the panel is on screen (its tab chosen); unseen messages are counted while not. */
  visible?: boolean;
  /** This person, whose own messages are never unread. */
  myId?: string;
  /** How many messages arrived unseen, for the tab's badge. */
  onUnread?: (count: number) => void;
}

export function ChatPanel({
  room,
  timeZone,
  canModerate,
  canModerateAnnouncements,
  visible = true,
  myId,
  onUnread,
}: ChatPanelProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const chat = useChat(room.id);
  const [draft, setDraft] = useState(() => readDraft(room.id));
  const [error, setError] = useState<LiveErrorKey | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const { messages, pending, pinned, locked, hasMore } = chat.state;

  const changeDraft = (text: string) => {
    setDraft(text);
    writeDraft(room.id, text);
  };

  const form = useRef<HTMLFormElement>(null);
  const [seenUpTo, setSeenUpTo] = useState<number | null>(null);
  const newest = messages.at(-1)?.id ?? 0;
  const unread = seenUpTo === null ? 0 : unreadCount(messages, seenUpTo, myId);

  // Follow new messages while the reader is at the bottom; leave them alone when scrolled up.
  // A hidden panel has no height: it is scrolled when it is shown again.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && visible && stickToBottom.current) element.scrollTop = element.scrollHeight;
    // The one writing keeps the composer in view while the list grows.
    if (visible && form.current?.contains(document.activeElement)) {
      form.current.scrollIntoView?.({ block: 'nearest' });
    }
  }, [messages.length, pending.length, visible]);

  // What is on screen counts as read; the history loaded first is not news.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- what is on screen counts as read once it has rendered
    if (chat.state.loaded && (visible || seenUpTo === null)) setSeenUpTo(newest);
  }, [chat.state.loaded, visible, newest, seenUpTo]);
  useEffect(() => onUnread?.(unread), [onUnread, unread]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setError(null);
    changeDraft('');
    stickToBottom.current = true;
    const failed = await chat.send(body);
    if (!failed) return;
    const key = liveErrorKey(failed);
    setError(key);
    announce(t(key));
    // Refused for good: the text goes back into the input, nothing typed is lost.
    if (isRealtimeError(failed) && failed.code !== 'timeout' && failed.code !== 'rate_limited') {
      setDraft((current) => {
        const restored = current ? `${body}\n${current}` : body;
        writeDraft(room.id, restored);
        return restored;
      });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (failure) {
      announce(t(liveErrorKey(failure)));
    }
  };

  const mayModerate = (message: ChatMessage) =>
    isAnnouncement(message) ? canModerateAnnouncements : canModerate;
  const tooLong = draft.trim().length > CHAT_MAX_LENGTH;
  const inputId = `chat-input-${room.id}`;

  return (
    <section className="chat" aria-labelledby={`chat-heading-${room.id}`}>
      <h2 id={`chat-heading-${room.id}`} className="visually-hidden">
        {t('chat.heading', { room: room.name })}
      </h2>
      {pinned.length > 0 && (
        <section className="chat-pinned" aria-label={t('chat.pinned')}>
          <h3 className="chat-pinned-heading">{t('chat.pinned')}</h3>
          <ul>
            {pinned.map((m) => (
              <li key={m.id}>
                <strong>{m.author?.displayName ?? t('chat.unknownAuthor')}:</strong>{' '}
                <MessageText text={m.body} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {hasMore && (
        <button
          type="button"
          className="button button-quiet chat-older"
          onClick={() => act(chat.loadOlder)}
        >
          {t('chat.older')}
        </button>
      )}
      {chat.loadError !== null && (
        <p className="error-text">
          {t('chat.loadFailed')}{' '}
          <button type="button" className="button button-quiet" onClick={() => void chat.reload()}>
            {t('errors.retry')}
          </button>
        </p>
      )}
      {/* A log, read on demand rather than aloud: in a room of 110, every message spoken would drown
          the talk. Announcements have their own live region. */}
      <div
        ref={list}
        className="chat-list"
        role="log"
        aria-live="off"
        aria-label={t('chat.messages')}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {chat.state.loaded && messages.length === 0 && pending.length === 0 && (
          <p className="chat-empty">{t('chat.empty')}</p>
        )}
        <ol className="chat-items">
          {messages.map((message) => (
            <Message
              key={message.id}
              message={message}
              timeZone={timeZone}
              canModerate={mayModerate(message)}
              onPin={() => act(() => chat.pin(message.id, !message.pinned))}
              onDelete={() => act(() => chat.remove(message.id))}
            />
          ))}
          {pending.map((p) => (
            <Pending
              key={p.clientId}
              pending={p}
              onRetry={() => void chat.resend(p.clientId, p.body)}
            />
          ))}
        </ol>
      </div>
      {locked && (
        <p className="notice">{t(canModerate ? 'chat.lockedModerator' : 'chat.locked')}</p>
      )}
      {(!locked || canModerate) && (
        <form ref={form} className="chat-form" onSubmit={submit}>
          <label htmlFor={inputId}>{t('chat.inputLabel', { room: room.name })}</label>
          <p id={`${inputId}-hint`} className="field-hint">
            {t('chat.inputHint')}
          </p>
          <textarea
            id={inputId}
            rows={2}
            value={draft}
            onChange={(e) => changeDraft(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={`${inputId}-hint${tooLong || error ? ` ${inputId}-error` : ''}`}
            aria-invalid={tooLong || undefined}
          />
          {(tooLong || error) && (
            <p id={`${inputId}-error`} className="field-error">
              {tooLong ? t('chat.tooLong', { max: CHAT_MAX_LENGTH }) : error && t(error)}
            </p>
          )}
          <button type="submit" className="button button-primary">
            {t('chat.send')}
          </button>
        </form>
      )}
    </section>
  );
}

interface MessageProps {
  message: ChatMessage;
  timeZone: string;
  canModerate: boolean;
  onPin: () => void;
  onDelete: () => void;
}

function Message({ message, timeZone, canModerate, onPin, onDelete }: MessageProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const announcement = isAnnouncement(message);
  const author = message.author?.displayName ?? t('chat.unknownAuthor');
  return (
    <li className={announcement ? 'chat-message chat-announcement' : 'chat-message'}>
      <p className="chat-meta">
        {announcement && <strong className="chat-badge">{t('chat.announcement')}</strong>}{' '}
        <strong>{author}</strong>{' '}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt, timeZone, locale)}</time>
        {message.pinned && <span className="chat-pin-mark"> · {t('chat.pinnedMark')}</span>}
      </p>
      <p className="chat-body">
        <MessageText text={message.body} />
      </p>
      {canModerate && (
        <p className="chat-actions">
          {!announcement && (
            <button type="button" className="link-button" onClick={onPin}>
              {t(message.pinned ? 'chat.unpin' : 'chat.pin')}
              <span className="visually-hidden"> {t('chat.messageOf', { name: author })}</span>
            </button>
          )}
          <button type="button" className="link-button" onClick={onDelete}>
            {t('chat.delete')}
            <span className="visually-hidden"> {t('chat.messageOf', { name: author })}</span>
          </button>
        </p>
      )}
    </li>
  );
}

function Pending({ pending, onRetry }: { pending: PendingMessage; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="chat-message chat-pending">
      <p className="chat-meta">
        <strong>{t('chat.you')}</strong>{' '}
        <span>{t(pending.status === 'failed' ? 'chat.notSent' : 'chat.sending')}</span>
      </p>
      <p className="chat-body">
        <MessageText text={pending.body} />
      </p>
      {pending.status === 'failed' && (
        <p className="chat-actions">
          <button type="button" className="link-button" onClick={onRetry}>
            {t('chat.retry')}
          </button>
        </p>
      )}
    </li>
  );
}
