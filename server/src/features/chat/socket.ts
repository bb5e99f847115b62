import {
  can,
  ChatAnnounceInput,
  ChatCatchUpInput,
  ChatDeleteInput,
  ChatHistoryInput,
  ChatLockInput,
  ChatPinInput,
  ChatSendInput,
  type ChatMessage,
} from '@plenum/shared';
import { AppError } from '../../lib/app-error.ts';
import { onEvent, type EventContext } from '../../realtime/on-event.ts';
import { roomTarget, socketRoom } from '../../realtime/rooms.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { findRoom, roomIdsOf } from '../rooms/repository.ts';
import { chatCatchUp, chatHistory, sendAnnouncement } from './service.ts';
import { ChatWriter } from './writer.ts';
import { deleteMessage, findMessage, pinMessage, setChatLock } from './moderation.ts';
import { chatLocked, messageDeleted, messagePinned, messageSent } from './broadcast.ts';

/** One writer per node (per Realtime): a burst of messages is stored in a few statements. */
const writers = new WeakMap<Realtime, ChatWriter>();
function writerOf(rt: Realtime): ChatWriter {
  let writer = writers.get(rt);
  if (!writer) writers.set(rt, (writer = new ChatWriter(rt.db, rt.log)));
  return writer;
}

export function registerChatHandlers(rt: Realtime, socket: PlenumSocket) {
  onEvent(rt, socket, 'chat:send', ChatSendInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    ctx.requireInRoom('chat.send', room, 'write in the chat');
    await ctx.limitMessages();
    const { message, created } = await writerOf(rt).send({
      room,
      author: ctx.person,
      clientId: input.clientId,
      body: input.body,
      mayBypassLock: can(ctx.actor, 'chat.moderate', roomTarget(room)),
    });
    if (created) messageSent(rt.io, [socketRoom.room(room.id)], message);
    return { message };
  });

  onEvent(rt, socket, 'chat:announce', ChatAnnounceInput, async (input, ctx) => {
    ctx.requireInEvent('announcement.broadcast', 'broadcast announcements');
    const targets = await announcementRooms(ctx, input.scope);
    await ctx.limitMessages();
    const { message, created } = await sendAnnouncement(rt.db, ctx.eventId, input.scope, {
      author: ctx.person,
      clientId: input.clientId,
      body: input.body,
    });
    if (created) messageSent(rt.io, targets, message);
    return { message };
  });

  // The same page for everyone in the room: requests in flight at once share one query.
  onEvent(rt, socket, 'chat:history', ChatHistoryInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    const key = `history:${room.id}:${input.before ?? ''}:${input.limit}`;
    return rt.reads.run(key, () => chatHistory(rt.db, room, input));
  });

  onEvent(rt, socket, 'chat:catchUp', ChatCatchUpInput, async (input, ctx) =>
    chatCatchUp(rt.db, await ctx.room(input.roomId), input.since),
  );

  onEvent(rt, socket, 'chat:delete', ChatDeleteInput, async (input, ctx) => {
    const found = await findMessage(rt.db, ctx.eventId, input.messageId);
    await requireModeration(ctx, found, 'delete messages');
    const deleted = await deleteMessage(rt.db, ctx.eventId, input.messageId, ctx.person.id);
    messageDeleted(rt.io, await shownTo(ctx, found), deleted);
    return deleted;
  });

  onEvent(rt, socket, 'chat:pin', ChatPinInput, async (input, ctx) => {
    const found = await findMessage(rt.db, ctx.eventId, input.messageId);
    if (!found.roomId) throw new AppError('bad_request', 'Announcements cannot be pinned.');
    await requireModeration(ctx, found, 'pin messages');
    const message = await pinMessage(
      rt.db,
      ctx.eventId,
      input.messageId,
      input.pinned,
      ctx.person.id,
    );
    messagePinned(rt.io, found.roomId, message);
    return { message };
  });

  onEvent(rt, socket, 'chat:lock', ChatLockInput, async (input, ctx) => {
    const room = await ctx.room(input.roomId);
    ctx.requireInRoom('chat.lock', room, 'lock the chat');
    const locked = await setChatLock(rt.db, room, input.locked, ctx.person.id);
    chatLocked(rt.io, locked);
    return locked;
  });
}

/** Room messages are moderated by the room's moderators; announcements by who may send them. */
async function requireModeration(
  ctx: EventContext,
  message: { roomId: string | null },
  what: string,
) {
  if (message.roomId) {
    const room = await findRoom(ctx.rt.db, ctx.eventId, message.roomId);
    ctx.requireInRoom('chat.moderate', room, what);
  } else {
    ctx.requireInEvent('announcement.broadcast', what);
  }
}

/** The Socket.IO rooms whose people see a message. */
async function shownTo(
  ctx: EventContext,
  message: { roomId: string | null; scope: ChatMessage['scope'] },
) {
  if (message.roomId) return [socketRoom.room(message.roomId)];
  return announcementRooms(ctx, message.scope === 'event' ? 'event' : 'working_groups');
}

async function announcementRooms(ctx: EventContext, scope: 'event' | 'working_groups') {
  if (scope === 'event') return [socketRoom.event(ctx.eventId)];
  const groupIds = await roomIdsOf(ctx.rt.db, ctx.eventId, 'working_group');
  if (groupIds.length === 0) {
    throw new AppError('bad_request', 'This event has no working groups to announce to.');
  }
  return groupIds.map(socketRoom.room);
}
