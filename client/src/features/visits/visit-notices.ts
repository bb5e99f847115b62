import type { VisitNotice } from '@plenum/shared';

/** The visitors looking into the room one is in, in the order they came. */
export type Visitors = readonly VisitNotice['visitor'][];

export function applyVisitNotice(
  visitors: Visitors,
  roomId: string,
  kind: 'arrived' | 'left',
  notice: VisitNotice,
): Visitors {
  if (notice.roomId !== roomId) return visitors;
  const others = visitors.filter((v) => v.id !== notice.visitor.id);
  return kind === 'arrived' ? [...others, notice.visitor] : others;
}
