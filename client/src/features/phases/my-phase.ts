import type { Phase } from '@plenum/shared';

/** Where the person is, as the room switch knows it. */
export interface PlaceInPhase {
  inGroup: boolean;
  /** The phase the server last assigned the person in, if any. */
  phaseId: string | null;
  deadlineAt: string | null;
}

export interface PhaseView {
  /** The person's phase: the one assigned in, else the open one. */
  mine: Phase | undefined;
  open: Phase | undefined;
  /** When the person's group ends: the phase's own deadline while it is open (it may be extended). */
  deadlineAt: string | null;
  /** A phase whose group the person may choose now, from the plenary. */
  choosable: Phase | undefined;
  /** The results to show back in the plenary. */
  lastClosed: Phase | undefined;
}

/** What the event page shows of the working-group phases for one person. Pure. */
export function phaseView(
  phases: readonly Phase[],
  place: PlaceInPhase,
  /** Whether the person takes part in phases (`phase.participate`). */
  participates: boolean,
): PhaseView {
  const open = phases.find((p) => p.status === 'open');
  const mine = phases.find((p) => p.id === place.phaseId) ?? open;
  const deadlineAt =
    mine?.status === 'open' ? (mine.deadlineAt ?? place.deadlineAt) : place.deadlineAt;
  const choosable =
    !place.inGroup && participates
      ? phases.find((p) => p.selfSelect && p.status !== 'closed')
      : undefined;
  const lastClosed = !place.inGroup ? phases.find((p) => p.status === 'closed') : undefined;
  return { mine, open, deadlineAt, choosable, lastClosed };
}
