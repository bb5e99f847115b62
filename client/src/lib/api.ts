import type { z } from 'zod';
import type {
  AgendaItem,
  ErrorCode,
  Event,
  InvitationPreview as InvitationPreviewSchema,
  OperatorInfo,
  HelpRequest,
  Me,
  ModeratorAction,
  Person,
  Phase,
  Role,
  Room,
  RoomToken,
} from '@plenum/shared';
import { noteServerDate } from './clock.ts';

// Only types come from @plenum/shared: importing its schemas would put zod into the join page.
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export interface RedeemResult {
  event: { slug: string; title: string };
  person: Person;
  role: Role;
}
export interface RedeemBody {
  displayName: string;
  email?: string;
}

/** `network` means no HTTP answer at all (offline, server down, request aborted by the browser). */
export type ApiErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Offending fields of a validation error, as the server names them (e.g. `body.email`). */
    readonly fields: Record<string, string> = {},
    /** Optional machine-readable detail, e.g. why an invitation is `gone`. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

const fallbackCodeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  noteServerDate(response.headers.get('Date'), sentAt, Date.now());
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload);
}

/** Turns any error answer into an ApiError, also when a proxy answers with HTML instead of JSON. */
export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: Record<string, unknown> } | undefined)?.error;
  const code =
    typeof error?.code === 'string'
      ? (error.code as ErrorCode)
      : (fallbackCodeByStatus[status] ?? (status >= 500 ? 'unavailable' : 'bad_request'));
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  const fields =
    error?.fields && typeof error.fields === 'object'
      ? (error.fields as Record<string, string>)
      : {};
  const reason = typeof error?.reason === 'string' ? error.reason : undefined;
  return new ApiError(status, code, message, fields, reason);
}

const segment = encodeURIComponent;

export const api = {
  invitation: (token: string, signal?: AbortSignal) =>
    request<InvitationPreview>('GET', `/api/invitations/${segment(token)}`, { signal }),
  redeemInvitation: (token: string, body: RedeemBody) =>
    request<RedeemResult>('POST', `/api/invitations/${segment(token)}/redeem`, { body }),
  me: (signal?: AbortSignal) => request<Me>('GET', '/api/me', { signal }),
  /** Who runs this instance, with its privacy notice and imprint (public). */
  operator: (signal?: AbortSignal) => request<OperatorInfo>('GET', '/api/operator', { signal }),
  event: (slug: string, signal?: AbortSignal) =>
    request<Event>('GET', `/api/events/${segment(slug)}`, { signal }),
  agenda: (slug: string, signal?: AbortSignal) =>
    request<AgendaItem[]>('GET', `/api/events/${segment(slug)}/agenda`, { signal }),
  logout: () => request<{ ok: true }>('POST', '/api/logout'),
  rooms: (slug: string, signal?: AbortSignal) =>
    request<Room[]>('GET', `/api/events/${segment(slug)}/rooms`, { signal }),
  /** A LiveKit token for one room with the caller's rights (valid for a few minutes). */
  roomToken: (roomId: string, signal?: AbortSignal) =>
    request<RoomToken>('POST', `/api/rooms/${segment(roomId)}/token`, { signal }),
  moderate: (roomId: string, personId: string, action: ModeratorAction) =>
    request<{ ok: true }>(
      'POST',
      `/api/rooms/${segment(roomId)}/participants/${segment(personId)}/${action}`,
    ),
  phases: (slug: string, signal?: AbortSignal) =>
    request<Phase[]>('GET', `/api/events/${segment(slug)}/phases`, { signal }),
  chooseGroup: (phaseId: string, roomId: string) =>
    request<Phase>('POST', `/api/phases/${segment(phaseId)}/choose`, { body: { roomId } }),
  requestHelp: (phaseId: string, roomId: string, message = '') =>
    request<HelpRequest>('POST', `/api/phases/${segment(phaseId)}/rooms/${segment(roomId)}/help`, {
      body: { message },
    }),
  resultsUrl: (phaseId: string) => `/api/phases/${segment(phaseId)}/results.md`,
  /** The results as a document for offices: Markdown, Word or PDF. */
  resultsFileUrl: (phaseId: string, format: 'md' | 'docx' | 'pdf') =>
    `/api/phases/${segment(phaseId)}/results.${format}`,
};
