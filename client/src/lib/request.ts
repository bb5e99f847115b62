import { ApiError, toApiError } from './api.ts';
import { noteServerDate } from './clock.ts';

/**
 * The organizer console's REST calls go through `send`. Apart from `lib/api.ts` so that none of
 * this reaches the join page; it shares its error type. Files (Frab XML, CSV) go as their bytes
 * with their type. Each domain lists its own calls beside it (`features/<domain>/*-api.ts`).
 */

type Payload = { json: unknown } | { file: Blob | string; type: string };

export async function send<T>(
  method: string,
  path: string,
  payload?: Payload,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (payload && 'json' in payload) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload.json);
  } else if (payload) {
    headers['Content-Type'] = payload.type;
    body = payload.file;
  }
  const sentAt = Date.now();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  noteServerDate(response.headers.get('Date'), sentAt, Date.now());
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  throw toApiError(response.status, data);
}

const s = encodeURIComponent;

/** `/api/events/:slug` */
export const eventPath = (slug: string) => `/api/events/${s(slug)}`;
/** `/api/phases/:id` */
export const phasePath = (id: string) => `/api/phases/${s(id)}`;
/** One path segment, escaped. */
export const segment = s;
