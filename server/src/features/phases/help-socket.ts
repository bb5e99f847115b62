import { can, HelpDoneInput, HelpListInput, type RoomTarget } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { findRoom } from '../rooms/repository.ts';
import { helpUpdated } from './broadcast.ts';
import { listHelpRequests, resolveHelpRequest, roomOfHelpRequest } from './help.ts';

/**
 * The help worklist: organizers see every group's requests, a moderator those of the groups
 * they moderate. Marking one done is stored first, then every screen that lists it hears of it.
 */
export function registerHelpHandlers(rt: Realtime, socket: PlenumSocket) {
  onEvent(rt, socket, 'help:list', HelpListInput, async (_input, ctx) => {
    ctx.requireInEvent('help.read', 'see help requests');
    const requests = await listHelpRequests(rt.db, ctx.eventId);
    // Help is asked for in working groups only.
    const group = (roomId: string): RoomTarget => ({
      eventId: ctx.eventId,
      roomId,
      kind: 'working_group',
    });
    return { requests: requests.filter((r) => can(ctx.actor, 'help.resolve', group(r.roomId))) };
  });

  onEvent(rt, socket, 'help:done', HelpDoneInput, async (input, ctx) => {
    const roomId = await roomOfHelpRequest(rt.db, ctx.eventId, input.requestId);
    ctx.requireInRoom(
      'help.resolve',
      await findRoom(rt.db, ctx.eventId, roomId),
      'handle its help requests',
    );
    const { request, changed } = await resolveHelpRequest(rt.db, {
      eventId: ctx.eventId,
      requestId: input.requestId,
      personId: ctx.person.id,
    });
    if (changed) await helpUpdated(rt.io, rt.db, ctx.eventId, request);
    return { request };
  });
}
