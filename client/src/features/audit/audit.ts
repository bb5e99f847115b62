import type { AuditEntry } from '@plenum/shared';

/**
 * How the console shows the audit log: pure helpers, so paging and summaries are tested
 * without a browser.
 */

/** The next (older) page after the ones shown: newest first, nothing twice. */
export function appendAuditPage(shown: AuditEntry[], page: AuditEntry[]): AuditEntry[] {
  const seen = new Set(shown.map((e) => e.id));
  return [...shown, ...page.filter((e) => !seen.has(e.id))].sort((a, b) => b.id - a.id);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.map(valueText).join(', ');
  return JSON.stringify(value);
}

/**
 * The entry's details in one readable line ("minutes: 10 · title: Begrüßung"), cut at `max`
 * characters: the table stays a table, however much a service recorded.
 */
export function detailsSummary(details: Record<string, unknown>, max = 160): string {
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
