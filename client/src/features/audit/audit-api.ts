import type { AuditArea, AuditPage } from '@plenum/shared';
import { eventPath as event, send } from '../../lib/request.ts';

/**
 * The event's audit log, a page at a time. Only the console's chunk imports this; the server lets
 * organizers alone read it.
 */

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

export const auditApi = {
  audit: (slug: string, query: AuditPageQuery, signal?: AbortSignal) =>
    send<AuditPage>('GET', `${event(slug)}/audit${auditQueryString(query)}`, undefined, signal),
};
