import type { AttendanceReport, AuditArea, AuditPage } from '@plenum/shared';
import { send } from '../../lib/request.ts';

/**
 * The organizer's records of an event: the audit log and attendance. Only the console's chunk
 * imports this; the server lets organizers alone read either.
 */
const event = (slug: string) => `/api/events/${encodeURIComponent(slug)}`;

export interface AuditPageQuery {
  before?: number | null;
  area?: AuditArea | null;
  limit?: number;
}

export function auditQueryString({ before, area, limit }: AuditPageQuery): string {
  const query = new URLSearchParams();
  if (before) query.set('before', String(before));
  if (area) query.set('area', area);
  if (limit) query.set('limit', String(limit));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const recordsApi = {
  audit: (slug: string, query: AuditPageQuery, signal?: AbortSignal) =>
    send<AuditPage>('GET', `${event(slug)}/audit${auditQueryString(query)}`, undefined, signal),
  attendance: (slug: string, signal?: AbortSignal) =>
    send<AttendanceReport>('GET', `${event(slug)}/attendance`, undefined, signal),
  /** A download link: the server names the file and sends it as UTF-8 CSV for spreadsheets. */
  attendanceCsvUrl: (slug: string) => `${event(slug)}/attendance.csv`,
};
