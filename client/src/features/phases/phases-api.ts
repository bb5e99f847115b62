import type { Phase } from '@plenum/shared';
import { eventPath as event, phasePath as phase, send } from '../../lib/request.ts';

export interface PhaseBody {
  title: string;
  roomIds: string[];
  durationMinutes: number;
  selfSelect: boolean;
}

/** The organizer's calls to create and run working-group phases. */
export const phasesApi = {
  phases: (slug: string, signal?: AbortSignal) =>
    send<Phase[]>('GET', `${event(slug)}/phases`, undefined, signal),
  createPhase: (slug: string, body: PhaseBody) =>
    send<Phase>('POST', `${event(slug)}/phases`, { json: body }),
  openPhase: (phaseId: string) => send<Phase>('POST', `${phase(phaseId)}/open`),
  closePhase: (phaseId: string) => send<Phase>('POST', `${phase(phaseId)}/close`),
  extendPhase: (phaseId: string, minutes: number) =>
    send<Phase>('POST', `${phase(phaseId)}/extend`, { json: { minutes } }),
  resultsUrl: (phaseId: string) => `${phase(phaseId)}/results.md`,
};
