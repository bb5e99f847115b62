import { describe, expect, it } from 'vitest';
import type { VisitNotice } from '@plenum/shared';
import { applyVisitNotice } from './visit-notices.ts';

const group = '00000000-0000-4000-8000-000000000002';
const other = '00000000-0000-4000-8000-000000000003';
const miriam: VisitNotice = {
  roomId: group,
  visitor: {
    id: '00000000-0000-4000-8000-0000000000aa',
    displayName: 'Miriam Özdemir',
    role: 'moderator',
  },
};

describe('visitors in the room one is in', () => {
  it('shows a visitor from arriving until leaving, once', () => {
    let visitors = applyVisitNotice([], group, 'arrived', miriam);
    visitors = applyVisitNotice(visitors, group, 'arrived', miriam);
    expect(visitors).toEqual([miriam.visitor]);
    expect(applyVisitNotice(visitors, group, 'left', miriam)).toEqual([]);
  });

  it('ignores visits to another room', () => {
    expect(applyVisitNotice([], group, 'arrived', { ...miriam, roomId: other })).toEqual([]);
  });
});
