import type { Question } from '@plenum/shared';
import { socketRoom } from '../../realtime/rooms.ts';
import type { PlenumServer } from '../../realtime/types.ts';

// Questions live in the plenary: everything about one goes to the room it was asked in.
const roomOf = (io: PlenumServer, question: { roomId: string }) =>
  io.to(socketRoom.room(question.roomId));

export function questionAsked(io: PlenumServer, question: Question) {
  roomOf(io, question).emit('question:asked', question);
}

export function questionUpvoted(io: PlenumServer, question: Question) {
  roomOf(io, question).emit('question:upvoted', {
    questionId: question.id,
    upvotes: question.upvotes,
  });
}

export function questionAnswered(io: PlenumServer, question: Question) {
  roomOf(io, question).emit('question:answered', question);
}

export function questionHidden(io: PlenumServer, question: { id: number; roomId: string }) {
  roomOf(io, question).emit('question:hidden', { questionId: question.id });
}
