import { StageInterpreterInput, StageSpotlightInput, StageStateInput } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { interpretersChanged, spotlightChanged } from './broadcast.ts';
import { setInterpreter, setSpotlight, stageStateOf } from './service.ts';

/** The stage's shared state: spotlight for everyone (per room) and the sign-language interpreters. */
export function registerStageHandlers(rt: Realtime, socket: PlenumSocket) {
  onEvent(rt, socket, 'stage:state', StageStateInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    return stageStateOf(rt.db, room);
  });

  onEvent(rt, socket, 'stage:spotlight', StageSpotlightInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    ctx.requireInRoom('stage.spotlight', room, 'spotlight someone for everyone');
    const spotlight = await setSpotlight(rt.db, room, input.personId, ctx.person.id);
    spotlightChanged(rt.io, spotlight);
    return spotlight;
  });

  onEvent(rt, socket, 'stage:interpreter', StageInterpreterInput, async (input, ctx) => {
    ctx.requireInEvent('stage.interpreter', 'mark sign-language interpreters');
    const interpreters = await setInterpreter(
      rt.db,
      ctx.eventId,
      input.personId,
      input.interpreter,
      ctx.person.id,
    );
    interpretersChanged(rt.io, interpreters);
    return interpreters;
  });
}
