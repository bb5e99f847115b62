import type { Assignment, Phase, PreassignmentReport } from '@plenum/shared';
import { phasePath as phase, send } from '../../lib/request.ts';

/** Who is in which group of a phase: list, preassign from CSV, balance, move one person. */
export const assignmentsApi = {
  assignments: (phaseId: string, signal?: AbortSignal) =>
    send<Assignment[]>('GET', `${phase(phaseId)}/assignments`, undefined, signal),
  preassign: (phaseId: string, file: Blob) =>
    send<PreassignmentReport>('POST', `${phase(phaseId)}/preassign`, { file, type: 'text/csv' }),
  balance: (phaseId: string) => send<Phase>('POST', `${phase(phaseId)}/balance`),
  move: (phaseId: string, personId: string, roomId: string) =>
    send<Phase>('POST', `${phase(phaseId)}/move`, { json: { personId, roomId } }),
};
