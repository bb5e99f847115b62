import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEventName,
  ClientEventPayload,
  ClientEventReply,
  ClientToServerEvents,
  Role,
  ServerToClientEvents,
} from '@plenum/shared';

type ServerEvent = keyof ServerToClientEvents;
type Payload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** A refusal or failure of the public API, with what the server said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A REST call against the deployment; the cookie is the session, as in a browser. */
export async function request<T>(
  base: string,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown; contentType?: string } = {},
): Promise<{ status: number; body: T; setCookie: string[] }> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/json';
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  }
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the message
  }
  if (res.status >= 400) {
    const error = (parsed as { error?: { message?: string } } | null)?.error?.message;
    // Invitation tokens are keys: the printed path leaves them out.
    const shown = path.replace(/\/api\/invitations\/[^/]+/, '/api/invitations/…');
    throw new ApiError(
      res.status,
      `${method} ${shown}: ${res.status} ${error ?? String(text).slice(0, 200)}`,
    );
  }
  return { status: res.status, body: parsed as T, setCookie: res.headers.getSetCookie() };
}

interface Received {
  payload: unknown;
  /** performance.now() when it arrived. */
  at: number;
}

/**
 * One simulated participant: a session (cookie) for REST and one Socket.IO connection with an
 * inbox of what it received, each with its arrival time, by event. Events in `unread` are not
 * kept: at 5,000 attendees, when every one of them got every presence batch, keeping them all
 * filled the rehearse process's 4 GB heap.
 */
export class Person {
  personId = '';
  cookie = '';
  socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private readonly inbox = new Map<string, Received[]>();
  private waiters = new Map<string, Set<() => void>>();

  constructor(
    readonly base: string,
    readonly displayName: string,
    readonly role: Role,
    readonly waitMs: number,
    private readonly unread = new Set<ServerEvent>(),
  ) {}

  /** Keeps `event` from now on (see `unread`). */
  keep(event: ServerEvent) {
    this.unread.delete(event);
  }

  api<T>(method: string, path: string, body?: unknown, contentType?: string) {
    return request<T>(this.base, method, path, { cookie: this.cookie, body, contentType }).then(
      (r) => r.body,
    );
  }

  /** Redeems an invitation as a browser does; keeps the session cookie. */
  async redeem(token: string) {
    const res = await request<{ person: { id: string }; event: { slug: string }; role: Role }>(
      this.base,
      'POST',
      `/api/invitations/${token}/redeem`,
      { body: { displayName: this.displayName } },
    );
    const cookie = res.setCookie.map((c) => c.split(';')[0]).join('; ');
    if (!cookie) throw new Error('redeeming the invitation set no session cookie');
    this.cookie = cookie;
    this.personId = res.body.person.id;
    return res.body;
  }

  /** Opens the event's socket like the client does (websocket, cookie, event slug). */
  connect(slug: string): Promise<void> {
    const socket = io(this.base, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
      extraHeaders: { cookie: this.cookie },
      auth: { event: slug },
    });
    this.socket = socket;
    socket.onAny((event: string, payload: unknown) => {
      if (this.unread.has(event as ServerEvent)) return;
      let list = this.inbox.get(event);
      if (!list) this.inbox.set(event, (list = []));
      list.push({ payload, at: performance.now() });
      for (const wake of this.waiters.get(event) ?? []) wake();
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket connect timed out')), this.waitMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('connect_error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      socket.connect();
    });
  }

  /** Sends a client event; resolves with the successful ack, throws the server's refusal. */
  async emit<E extends ClientEventName>(
    event: E,
    payload: ClientEventPayload<E>,
  ): Promise<ClientEventReply<E>> {
    if (!this.socket) throw new Error(`${this.displayName} has no socket`);
    const timed = this.socket.timeout(this.waitMs);
    const send = timed.emitWithAck.bind(timed) as (
      ev: string,
      p: unknown,
    ) => Promise<Ack<ClientEventReply<E>>>;
    const ack = await send(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
    return ack;
  }

  /** The first matching event and when it arrived, waiting up to `timeoutMs`. */
  waitFor<E extends ServerEvent>(
    event: E,
    match: (payload: Payload<E>) => boolean = () => true,
    timeoutMs = this.waitMs,
  ): Promise<{ payload: Payload<E>; at: number }> {
    if (this.unread.has(event)) throw new Error(`${this.displayName} does not keep ${event}`);
    const find = () => {
      const hit = this.inbox.get(event)?.find((r) => match(r.payload as Payload<E>));
      return hit ? { payload: hit.payload as Payload<E>, at: hit.at } : undefined;
    };
    return new Promise((resolve, reject) => {
      const found = find();
      if (found) return resolve(found);
      const wake = () => {
        const hit = find();
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.displayName} received no ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.get(event)?.delete(wake);
      };
      let waiting = this.waiters.get(event);
      if (!waiting) this.waiters.set(event, (waiting = new Set()));
      waiting.add(wake);
    });
  }

  /** Every matching event received so far. */
  all<E extends ServerEvent>(event: E): { payload: Payload<E>; at: number }[] {
    if (this.unread.has(event)) throw new Error(`${this.displayName} does not keep ${event}`);
    return (this.inbox.get(event) ?? []).map((r) => ({
      payload: r.payload as Payload<E>,
      at: r.at,
    }));
  }

  close() {
    this.socket?.disconnect();
    this.waiters.clear();
  }
}
