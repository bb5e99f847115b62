import { QuestionAskInput, QuestionIdInput, QuestionListInput } from '@plenum/shared';
import { onEvent } from '../../realtime/on-event.ts';
import type { PlenumSocket, Realtime } from '../../realtime/types.ts';
import { findRoom } from '../rooms/repository.ts';
import { questionAnswered, questionAsked, questionHidden, questionUpvoted } from './broadcast.ts';
import {
  askQuestion,
  findQuestion,
  listQuestions,
  moderateQuestion,
  upvoteQuestion,
} from './service.ts';

/** Q&A lives in the plenary: no event names a room, the server uses the event's plenary. */
export function registerQuestionHandlers(rt: Realtime, socket: PlenumSocket) {
  onEvent(rt, socket, 'question:ask', QuestionAskInput, async (input, ctx) => {
    const plenary = await ctx.room(socket.data.plenaryId);
    ctx.requireInRoom('question.ask', plenary, 'ask questions');
    await ctx.limitMessages();
    const { question, created } = await askQuestion(rt.db, plenary, {
      authorId: ctx.person.id,
      clientId: input.clientId,
      body: input.body,
    });
    if (created) questionAsked(rt.io, question);
    return { question };
  });

  onEvent(rt, socket, 'question:list', QuestionListInput, async (_input, ctx) => {
    const plenary = await ctx.room(socket.data.plenaryId);
    return { questions: await listQuestions(rt.db, plenary.id, ctx.person.id) };
  });

  onEvent(rt, socket, 'question:upvote', QuestionIdInput, async (input, ctx) => {
    const found = await findQuestion(rt.db, ctx.eventId, input.questionId);
    const room = await ctx.room(found.roomId);
    ctx.requireInRoom('question.ask', room, 'upvote questions');
    const { question, changed } = await upvoteQuestion(
      rt.db,
      ctx.eventId,
      input.questionId,
      ctx.person.id,
    );
    if (changed) questionUpvoted(rt.io, question);
    return { question };
  });

  onEvent(rt, socket, 'question:answer', QuestionIdInput, async (input, ctx) => {
    const found = await findQuestion(rt.db, ctx.eventId, input.questionId);
    const room = await findRoom(rt.db, ctx.eventId, found.roomId);
    ctx.requireInRoom('question.moderate', room, 'mark questions as answered');
    const question = await moderateQuestion(
      rt.db,
      ctx.eventId,
      found.id,
      'answered',
      ctx.person.id,
    );
    questionAnswered(rt.io, question);
    return { question };
  });

  onEvent(rt, socket, 'question:hide', QuestionIdInput, async (input, ctx) => {
    const found = await findQuestion(rt.db, ctx.eventId, input.questionId);
    const room = await findRoom(rt.db, ctx.eventId, found.roomId);
    ctx.requireInRoom('question.moderate', room, 'hide questions');
    await moderateQuestion(rt.db, ctx.eventId, found.id, 'hidden', ctx.person.id);
    questionHidden(rt.io, found);
    return { questionId: found.id };
  });
}
