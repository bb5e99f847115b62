import { connect, openSocket, type ClientSocket } from '../sockets.ts';

/** What a refusal looks like: REST statuses and socket error codes. */
export const refusedStatuses: readonly number[] = [401, 403, 404];
export const refusedCodes: readonly string[] = ['forbidden', 'unauthenticated', 'not_found'];

export type Verdict = 'allowed' | 'refused' | 'broken';

/** REST: an allowed call succeeds (2xx); a refused one is 401/403/404; 5xx is always broken. */
export function restVerdict(status: number): Verdict {
  if (status >= 500) return 'broken';
  if (refusedStatuses.includes(status)) return 'refused';
  return status >= 200 && status < 300 ? 'allowed' : 'broken';
}

export interface AckLike {
  ok: boolean;
  error?: { code: string; message: string };
}

/** Sockets: `ok: true` is allowed, a refusal code is refused, anything else is broken. */
export function ackVerdict(ack: AckLike): Verdict {
  if (ack.ok) return 'allowed';
  return refusedCodes.includes(ack.error?.code ?? '') ? 'refused' : 'broken';
}

/** Opens a socket for an event; resolves with it, or with the code the handshake refused with. */
export async function handshake(
  url: string,
  cookie: string | undefined,
  slug: string,
): Promise<
  { socket: ClientSocket; refused?: undefined } | { socket?: undefined; refused: string }
> {
  const socket = openSocket(url, { cookie, event: slug });
  try {
    await connect(socket);
    return { socket };
  } catch (err) {
    socket.disconnect();
    return { refused: (err as { data?: { code?: string } }).data?.code ?? String(err) };
  }
}
