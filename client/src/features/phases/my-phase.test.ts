import { describe, expect, it } from 'vitest';
import type { Phase } from '@plenum/shared';
import { phaseView } from './my-phase.ts';

const phase = (id: string, status: Phase['status'], extra: Partial<Phase> = {}): Phase => ({
  id,
  title: id,
  agendaItemId: null,
  status,
  durationMinutes: 60,
  selfSelect: true,
  openedAt: null,
  deadlineAt: null,
  closedAt: null,
  groups: [],
  ...extra,
});

const plenary = { inGroup: false, phaseId: null, deadlineAt: null };

describe('the phases as one person sees them', () => {
  it('takes the open phase’s own deadline, which an extension moves', () => {
    const open = phase('p1', 'open', { deadlineAt: '2026-03-12T10:30:00Z' });
    const view = phaseView(
      [open],
      { inGroup: true, phaseId: 'p1', deadlineAt: '2026-03-12T10:00:00Z' },
      true,
    );
    expect(view.mine).toBe(open);
    expect(view.deadlineAt).toBe('2026-03-12T10:30:00Z');
  });

  it('offers a self-select phase in the plenary only to those who take part', () => {
    const draft = phase('p1', 'draft');
    expect(phaseView([draft], plenary, true).choosable).toBe(draft);
    expect(phaseView([draft], plenary, false).choosable).toBeUndefined();
    expect(phaseView([draft], { ...plenary, inGroup: true }, true).choosable).toBeUndefined();
  });

  it('shows the results of a closed phase back in the plenary, not in a group', () => {
    const closed = phase('p1', 'closed');
    expect(phaseView([closed], plenary, true).lastClosed).toBe(closed);
    expect(phaseView([closed], { ...plenary, inGroup: true }, true).lastClosed).toBeUndefined();
  });
});
