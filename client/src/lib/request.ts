import type {
  AgendaImportResult,
  AgendaItem,
  AgendaItemInput,
  AgendaItemPatch,
  Assignment,
  Invitation,
  Phase,
  PreassignmentReport,
  Role,
  Room,
} from '@plenum/shared';
import { ApiError, toApiError } from './api.ts';
import { noteServerDate } from './clock.ts';

/**
 * The organizer console's REST calls. Apart from `lib/api.ts` so that none of this reaches the
 * join page; it shares its error type. Files (Frab XML, CSV) go as their bytes with their type.
 */

export interface CreatedInvitation extends Invitation {
  token: string;
  /** The invitation link; shown only now, the server keeps a hash. */
  link: string;
}
export interface InvitationBody {
  role: Role;
  label: string;
  maxUses: number | null;
  expiresAt: string | null;
}
export interface WorkingGroupBody {
  name: string;
  description: string;
  capacity: number | null;
  moderatorIds: string[];
}
export interface PhaseBody {
  title: string;
  roomIds: string[];
  durationMinutes: number;
  selfSelect: boolean;
}
/** What the agenda form sends: the input with its defaults already applied. */
export type AgendaBody = Omit<AgendaItemInput, 'roomId'> & { roomId?: string | null };

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
const event = (slug: string) => `/api/events/${s(slug)}`;
const phase = (id: string) => `/api/phases/${s(id)}`;

export const consoleApi = {
  // Agenda
  agenda: (slug: string, signal?: AbortSignal) =>
    send<AgendaItem[]>('GET', `${event(slug)}/agenda`, undefined, signal),
  createAgendaItem: (slug: string, body: AgendaBody) =>
    send<AgendaItem>('POST', `${event(slug)}/agenda`, { json: body }),
  updateAgendaItem: (slug: string, itemId: string, patch: AgendaItemPatch) =>
    send<AgendaItem>('PATCH', `${event(slug)}/agenda/${s(itemId)}`, { json: patch }),
  deleteAgendaItem: (slug: string, itemId: string) =>
    send<void>('DELETE', `${event(slug)}/agenda/${s(itemId)}`),
  startItem: (slug: string, itemId: string) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/start`),
  endItem: (slug: string, itemId: string) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/end`),
  extendItem: (slug: string, itemId: string, minutes: number) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/extend`, {
      json: { minutes },
    }),
  shiftItem: (slug: string, itemId: string, minutes: number) =>
    send<AgendaItem[]>('POST', `${event(slug)}/agenda/${s(itemId)}/shift`, { json: { minutes } }),
  importFrab: (slug: string, file: Blob) =>
    send<AgendaImportResult>('POST', `${event(slug)}/agenda/import`, {
      file,
      type: 'application/xml',
    }),
  icalUrl: (slug: string) => `${event(slug)}/agenda.ics`,

  // Working groups
  rooms: (slug: string, signal?: AbortSignal) =>
    send<Room[]>('GET', `${event(slug)}/rooms`, undefined, signal),
  createRoom: (slug: string, body: WorkingGroupBody) =>
    send<Room>('POST', `${event(slug)}/rooms`, { json: body }),
  updateRoom: (slug: string, roomId: string, patch: Partial<WorkingGroupBody>) =>
    send<Room>('PATCH', `${event(slug)}/rooms/${s(roomId)}`, { json: patch }),
  deleteRoom: (slug: string, roomId: string) =>
    send<void>('DELETE', `${event(slug)}/rooms/${s(roomId)}`),

  // Phases
  phases: (slug: string, signal?: AbortSignal) =>
    send<Phase[]>('GET', `${event(slug)}/phases`, undefined, signal),
  createPhase: (slug: string, body: PhaseBody) =>
    send<Phase>('POST', `${event(slug)}/phases`, { json: body }),
  assignments: (phaseId: string, signal?: AbortSignal) =>
    send<Assignment[]>('GET', `${phase(phaseId)}/assignments`, undefined, signal),
  preassign: (phaseId: string, file: Blob) =>
    send<PreassignmentReport>('POST', `${phase(phaseId)}/preassign`, { file, type: 'text/csv' }),
  balance: (phaseId: string) => send<Phase>('POST', `${phase(phaseId)}/balance`),
  move: (phaseId: string, personId: string, roomId: string) =>
    send<Phase>('POST', `${phase(phaseId)}/move`, { json: { personId, roomId } }),
  openPhase: (phaseId: string) => send<Phase>('POST', `${phase(phaseId)}/open`),
  closePhase: (phaseId: string) => send<Phase>('POST', `${phase(phaseId)}/close`),
  extendPhase: (phaseId: string, minutes: number) =>
    send<Phase>('POST', `${phase(phaseId)}/extend`, { json: { minutes } }),
  resultsUrl: (phaseId: string) => `${phase(phaseId)}/results.md`,

  // Invitations
  invitations: (slug: string, signal?: AbortSignal) =>
    send<Invitation[]>('GET', `${event(slug)}/invitations`, undefined, signal),
  createInvitation: (slug: string, body: InvitationBody) =>
    send<CreatedInvitation>('POST', `${event(slug)}/invitations`, { json: body }),
  revokeInvitation: (slug: string, invitationId: string) =>
    send<Invitation>('DELETE', `${event(slug)}/invitations/${s(invitationId)}`),
};
