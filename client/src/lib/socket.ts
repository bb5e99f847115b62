import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  Ack,
  ChatCatchUp,
  ClientEventName,
  ClientEventPayload,
  ClientEventReply,
  ClientToServerEvents,
  ErrorCode,
  ServerToClientEvents,
  SocketClosed,
} from '@plenum/shared';

/**
 * The typed Socket.IO client of one event page: requests with acks and a timeout, an honest
 * connection state for the header, and what a reconnect needs — chat catch-up since the last
 * seen message per room, and a signal for lists (hands, questions, people) to reload. No React.
 */

export type PlenumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'connected'; recovered: boolean }
  | { status: 'reconnecting' }
  /** The server refused the handshake (session gone, not a member): retrying will not help. */
  | { status: 'refused'; code: string; message: string }
  /**
   * The server closed this connection on purpose and said why (`socket:closed`): the session
   * ended (logout, also in another tab, or membership gone), or this is the oldest of too many
   * windows. Not retried by itself: that would only be closed again, or push out another window.
   */
  | { status: 'ended'; reason: SocketClosed['reason'] }
  | { status: 'closed' };

export type RealtimeErrorCode = ErrorCode | 'timeout';

export class RealtimeError extends Error {
  constructor(
    readonly code: RealtimeErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RealtimeError';
  }
}

export interface RealtimeOptions {
  slug: string;
  /** Same origin when left out (the browser); tests pass a URL. */
  url?: string;
  ioOptions?: Partial<ManagerOptions & SocketOptions>;
  /** How long to wait for an ack before giving up. */
  ackTimeoutMs?: number;
  /** After the server closed the connection on purpose (flooding), try again after this. */
  retryAfterKickMs?: number;
  /** First wait after a handshake refused as `unavailable`; doubles up to 16 times that. */
  retryAfterUnavailableMs?: number;
  /** A `socket:resync` reaches everyone at once: each client catches up within this spread. */
  resyncSpreadMs?: number;
}

type ServerEvent = keyof ServerToClientEvents;
type CatchUpListener = (roomId: string, result: ChatCatchUp) => void;

export class Realtime {
  readonly socket: PlenumSocket;
  private state: ConnectionState = { status: 'connecting' };
  private readonly stateListeners = new Set<() => void>();
  private readonly catchUpListeners = new Set<CatchUpListener>();
  private readonly resyncListeners = new Set<() => void>();
  /** Newest chat message id seen per room: where a catch-up starts. */
  private readonly chatCursors = new Map<string, number>();
  private connectedBefore = false;
  private readonly ackTimeoutMs: number;
  private kickTimer: ReturnType<typeof setTimeout> | undefined;
  private resyncTimer: ReturnType<typeof setTimeout> | undefined;
  private unavailableRetries = 0;
  /** Why the server closed the connection, once it said so: no reconnecting by itself then. */
  private endedBy: SocketClosed['reason'] | null = null;

  constructor(options: RealtimeOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    const socketOptions = {
      withCredentials: true,
      auth: { event: options.slug },
      ...options.ioOptions,
    };
    this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

    this.socket.on('connect', () => {
      this.unavailableRetries = 0;
      const recovered = this.connectedBefore && this.socket.recovered === true;
      const needsCatchUp = this.connectedBefore && !recovered;
      this.connectedBefore = true;
      this.setState({ status: 'connected', recovered });
      if (needsCatchUp) void this.resync();
    });
    // The nodes lost each other for a while: what went out meanwhile may not have reached us.
    // Everyone hears this at once (once per node): one catch-up each, spread over a moment.
    this.socket.on('socket:resync', () => {
      this.resyncTimer ??= setTimeout(
        () => {
          this.resyncTimer = undefined;
          void this.resync();
        },
        Math.random() * (options.resyncSpreadMs ?? 2000),
      );
    });
    this.socket.on('socket:closed', (notice) => {
      this.endedBy = notice.reason;
      clearTimeout(this.kickTimer);
      this.setState({ status: 'ended', reason: notice.reason });
    });
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return this.setState({ status: 'closed' });
      if (this.endedBy) return this.setState({ status: 'ended', reason: this.endedBy });
      this.setState({ status: 'reconnecting' });
      // The server hung up on purpose: Socket.IO does not retry by itself then.
      if (reason === 'io server disconnect') {
        this.kickTimer = setTimeout(() => this.socket.connect(), options.retryAfterKickMs ?? 5000);
      }
    });
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const passing = error.data?.code === 'unavailable' || error.data?.code === 'rate_limited';
      if (!this.socket.active && passing) {
        // The server could not check the session (its database was away), or keeps a session
        // that flooded out for half a minute: that passes, so try again, later each time.
        // Socket.IO does not retry a refused handshake by itself.
        this.setState({ status: this.connectedBefore ? 'reconnecting' : 'connecting' });
        const delay = (options.retryAfterUnavailableMs ?? 1000) * 2 ** this.unavailableRetries;
        this.unavailableRetries = Math.min(this.unavailableRetries + 1, 4);
        clearTimeout(this.kickTimer);
        this.kickTimer = setTimeout(() => this.socket.connect(), delay);
      } else if (!this.socket.active) {
        this.setState({
          status: 'refused',
          code: error.data?.code ?? 'unavailable',
          message: error.message,
        });
      } else if (this.connectedBefore) {
        this.setState({ status: 'reconnecting' });
      }
    });
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  private setState(next: ConnectionState) {
    const same =
      next.status === this.state.status &&
      (next.status !== 'ended' ||
        (this.state.status === 'ended' && next.reason === this.state.reason)) &&
      (next.status !== 'connected' ||
        (this.state.status === 'connected' && next.recovered === this.state.recovered));
    if (same) return;
    this.state = next;
    for (const listener of this.stateListeners) listener();
  }

  /**
   * Sends a client event and resolves with the ack's reply, or rejects with a RealtimeError:
   * the server's code, or `timeout`. While offline, Socket.IO keeps the packet and sends it on
   * reconnect; the server de-duplicates chat and questions by their clientId.
   */
  async request<E extends ClientEventName>(
    event: E,
    payload: ClientEventPayload<E>,
    options: { timeoutMs?: number } = {},
  ): Promise<ClientEventReply<E>> {
    const timed = this.socket.timeout(options.timeoutMs ?? this.ackTimeoutMs);
    const emit = timed.emitWithAck.bind(timed) as (
      event: string,
      payload: unknown,
    ) => Promise<Ack<ClientEventReply<E>>>;
    let ack: Ack<ClientEventReply<E>>;
    try {
      ack = await emit(event, payload);
    } catch {
      throw new RealtimeError('timeout', `No answer to ${event} in time.`);
    }
    if (!ack.ok) throw new RealtimeError(ack.error.code, ack.error.message, ack.error.fields);
    const { ok: _ok, ...reply } = ack;
    return reply as unknown as ClientEventReply<E>;
  }

  /** Listens to a server event; returns the function that stops listening. */
  on<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void {
    const socket = this.socket as unknown as {
      on(e: string, h: unknown): void;
      off(e: string, h: unknown): void;
    };
    socket.on(event, handler);
    return () => socket.off(event, handler);
  }

  /** Remembers the newest message seen in a room, so a reconnect asks only for what came after. */
  noteChatSeen(roomId: string, messageId: number) {
    if (messageId > (this.chatCursors.get(roomId) ?? 0)) this.chatCursors.set(roomId, messageId);
  }

  /** Stops catching up a room the person left. */
  forgetChat(roomId: string) {
    this.chatCursors.delete(roomId);
  }

  onChatCaughtUp(listener: CatchUpListener): () => void {
    this.catchUpListeners.add(listener);
    return () => this.catchUpListeners.delete(listener);
  }

  /** Called after a reconnect that did not recover the session: reload lists from the server. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Everything since the last seen id in one room, page by page; one merged result. */
  async catchUpChat(roomId: string): Promise<ChatCatchUp> {
    let since = this.chatCursors.get(roomId) ?? 0;
    const merged: ChatCatchUp = {
      messages: [],
      hasMore: false,
      deletedIds: [],
      pinned: [],
      locked: false,
    };
    for (;;) {
      const page = await this.request('chat:catchUp', { roomId, since });
      merged.messages.push(...page.messages);
      merged.deletedIds.push(...page.deletedIds);
      merged.pinned = page.pinned;
      merged.locked = page.locked;
      const last = page.messages.at(-1);
      if (last) this.noteChatSeen(roomId, last.id);
      if (!page.hasMore || !last) return merged;
      since = last.id;
    }
  }

  private async resync() {
    for (const listener of this.resyncListeners) listener();
    await Promise.all(
      [...this.chatCursors.keys()].map(async (roomId) => {
        try {
          const result = await this.catchUpChat(roomId);
          for (const listener of this.catchUpListeners) listener(roomId, result);
        } catch {
          // Not allowed there any more (moved meanwhile) or offline again: the next connect retries.
        }
      }),
    );
  }

  /** Connects again after the server ended the connection, when the person asks for it. */
  reconnect() {
    this.endedBy = null;
    clearTimeout(this.kickTimer);
    this.setState({ status: 'connecting' });
    if (!this.socket.connected) this.socket.connect();
  }

  close() {
    clearTimeout(this.kickTimer);
    clearTimeout(this.resyncTimer);
    this.socket.disconnect();
  }
}

/** Connects to an event's realtime channel on this origin; the session cookie authenticates. */
export function connectRealtime(options: RealtimeOptions): Realtime {
  return new Realtime(options);
}

/** A failed request, optionally with a given code. */
export function isRealtimeError(error: unknown, code?: RealtimeErrorCode): error is RealtimeError {
  return error instanceof RealtimeError && (code === undefined || error.code === code);
}
