import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@plenum/shared';
import { auditAreas } from '@plenum/shared/vocab';
import { auditQueryString } from './audit-api.ts';
import { auditActionsInWords } from './audit-sentence.ts';
import { appendAuditPage, detailsSummary } from './audit.ts';

const entry = (id: number, action = 'room.create'): AuditEntry => ({
  id,
  at: '2026-03-12T08:30:00.000Z',
  action,
  target: null,
  targetName: null,
  details: {},
  actor: null,
});

describe('the audit log', () => {
  it('offers an area in its filter for every action it puts in words (results.show too)', () => {
    const areas: readonly string[] = auditAreas;
    const missing = auditActionsInWords.filter((action) => !areas.includes(action.split('.')[0]!));
    expect(missing).toEqual([]);
  });

  it('asks the server for a page with only the parts that are set', () => {
    expect(auditQueryString({})).toBe('');
    expect(auditQueryString({ before: 120, area: 'phase', limit: 50 })).toBe(
      '?before=120&area=phase&limit=50',
    );
    expect(auditQueryString({ before: null, area: null, limit: 50 })).toBe('?limit=50');
  });

  it('appends an older page newest first without showing an entry twice', () => {
    const shown = [entry(9), entry(8)];
    // A new entry arrived meanwhile, so the older page starts with one already shown.
    const merged = appendAuditPage(shown, [entry(8), entry(7), entry(5)]);
    expect(merged.map((e) => e.id)).toEqual([9, 8, 7, 5]);
  });

  it('sums up details in one line and cuts long ones', () => {
    expect(detailsSummary({ minutes: 10, title: 'Begrüßung', roomIds: ['a', 'b'] })).toBe(
      'minutes: 10 · title: Begrüßung · roomIds: a, b',
    );
    expect(detailsSummary({ nested: { x: 1 }, gone: null })).toBe('nested: {"x":1} · gone: –');
    const long = detailsSummary({ text: 'x'.repeat(500) }, 40);
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
    expect(detailsSummary({})).toBe('');
  });
});
