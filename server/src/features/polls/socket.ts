import { can, PollCreateInput, PollIdInput, PollListInput, PollVoteInput } from '@plenum/shared';
import { onEvent, type EventContext } from '../../realtime/on-event.ts';
import { roomTarget } from '../../realtime/rooms.ts';
import type { PlenumSocket, Realtime, SocketHandlers } from '../../realtime/types.ts';
import { findRoom } from '../rooms/repository.ts';
import { pollAudience, pollClosed, pollOpened } from './broadcast.ts';
import type { LiveCounts } from './live-counts.ts';
import { findPoll } from './repository.ts';
import { castVote, closePoll, createPoll, openPoll, pollStates } from './service.ts';

/**
 * Runs polls over the socket: staff create, open and close them (`poll.run` in the room,
 * `poll.runEventWide` for the whole event); everyone in the room votes (`poll.vote`); event-wide
 * polls are for every member. Broadcasts go out after the commit.
 */
export function pollHandlers(counts: LiveCounts): SocketHandlers {
  return (rt: Realtime, socket: PlenumSocket) => {
    /** Throws forbidden unless the person runs polls where this one lives. */
    async function requireSteers(ctx: EventContext, roomId: string | null, what: string) {
      if (roomId === null) return ctx.requireInEvent('poll.runEventWide', what);
      ctx.requireInRoom('poll.run', await findRoom(rt.db, ctx.eventId, roomId), what);
    }

    onEvent(rt, socket, 'poll:create', PollCreateInput, async (input, ctx) => {
      await requireSteers(ctx, input.roomId, 'prepare polls here');
      return { poll: await createPoll(rt.db, ctx.eventId, input, ctx.person.id) };
    });

    onEvent(rt, socket, 'poll:open', PollIdInput, async (input, ctx) => {
      const found = await findPoll(rt.db, ctx.eventId, input.pollId);
      await requireSteers(ctx, found.roomId, 'open this poll');
      const poll = await openPoll(rt.db, found, ctx.person.id);
      pollOpened(rt.io, await pollAudience(rt.db, found), poll);
      return { poll };
    });

    onEvent(rt, socket, 'poll:close', PollIdInput, async (input, ctx) => {
      const found = await findPoll(rt.db, ctx.eventId, input.pollId);
      await requireSteers(ctx, found.roomId, 'close this poll');
      const { poll, results, forStaff } = await closePoll(rt.db, found, ctx.person.id);
      counts.forget(poll.id);
      const audience = await pollAudience(rt.db, found);
      pollClosed(rt.io, audience, { poll, results }, { poll, results: forStaff });
      return { poll, results: forStaff };
    });

    onEvent(rt, socket, 'poll:vote', PollVoteInput, async (input, ctx) => {
      const poll = await findPoll(rt.db, ctx.eventId, input.pollId);
      // A room's poll is for the people in that room; an event-wide one for every member.
      if (poll.roomId) ctx.requireInRoom('poll.vote', await ctx.room(poll.roomId), 'vote here');
      const choices = await castVote(rt.db, poll, ctx.person.id, input.choices);
      counts.voted(poll);
      return { pollId: poll.id, choices };
    });

    onEvent(rt, socket, 'poll:list', PollListInput, async (input, ctx) => {
      const room = await ctx.room(input.roomId);
      const staff = {
        room: can(ctx.actor, 'poll.run', roomTarget(room)),
        eventWide: can(ctx.actor, 'poll.runEventWide', { eventId: ctx.eventId }),
      };
      return { polls: await pollStates(rt.db, ctx.eventId, room.id, ctx.person.id, staff) };
    });
  };
}
