import { ResultsCurrentInput, ResultsHideInput, ResultsShowInput } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { AppError } from '../../lib/app-error.ts';
import { findPhase } from '../phases/repository.ts';
import { findPlenary } from '../rooms/repository.ts';
import { currentResults, hideResults, showResults } from './service.ts';

/** "Ergebnisse zeigen": staff put a closed phase's results beside the plenary's stage. */
export function registerResultsHandlers(rt: Realtime, socket: PlenumSocket) {
  const phaseOfEvent = async (phaseId: string, eventId: string) => {
    const phase = await findPhase(rt.db, phaseId);
    if (phase.eventId !== eventId) throw new AppError('not_found', 'Working-group phase not found');
    return phase;
  };

  onEvent(rt, socket, 'results:show', ResultsShowInput, async (input, ctx) => {
    ctx.requireInEvent('results.present', 'show results in the plenary');
    const phase = await phaseOfEvent(input.phaseId, ctx.eventId);
    const results = await showResults(rt.db, phase, ctx.person.id);
    const plenary = await findPlenary(rt.db, ctx.eventId);
    rt.io.to(socketRoom.room(plenary.id)).emit('results:shown', results);
    return { results };
  });

  // Results of a closed phase are the whole event's (as results.md): anyone may ask what is shown.
  onEvent(rt, socket, 'results:current', ResultsCurrentInput, async (_input, ctx) => ({
    results: await currentResults(rt.db, ctx.eventId),
  }));

  onEvent(rt, socket, 'results:hide', ResultsHideInput, async (input, ctx) => {
    ctx.requireInEvent('results.present', 'hide results in the plenary');
    const phase = await phaseOfEvent(input.phaseId, ctx.eventId);
    const { changed } = await hideResults(rt.db, phase, ctx.person.id);
    // Hidden for the whole event: whoever saw them in the plenary and has since moved on.
    if (changed)
      rt.io.to(socketRoom.event(ctx.eventId)).emit('results:hidden', { phaseId: phase.id });
    return { phaseId: phase.id };
  });
}
