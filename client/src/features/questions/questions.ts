import type { Question, QuestionUpvoted } from '@plenum/shared';

/** The plenary's questions: open and answered, most votes first, then oldest (as the server lists them). */

export function sortQuestions(questions: readonly Question[]): Question[] {
  return [...questions].sort(
    (a, b) =>
      Number(a.status === 'answered') - Number(b.status === 'answered') ||
      b.upvotes - a.upvotes ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      a.id - b.id,
  );
}

/** A question from a broadcast or an ack; `votedByMe` only comes in acks, so it is kept. */
export function upsertQuestion(questions: readonly Question[], question: Question): Question[] {
  const existing = questions.find((q) => q.id === question.id);
  if (question.status === 'hidden') return questions.filter((q) => q.id !== question.id);
  const merged = { ...question, votedByMe: question.votedByMe ?? existing?.votedByMe };
  return sortQuestions([...questions.filter((q) => q.id !== question.id), merged]);
}

export function applyUpvote(questions: readonly Question[], upvoted: QuestionUpvoted): Question[] {
  return sortQuestions(
    questions.map((q) => (q.id === upvoted.questionId ? { ...q, upvotes: upvoted.upvotes } : q)),
  );
}

export function removeQuestion(questions: readonly Question[], questionId: number): Question[] {
  return questions.filter((q) => q.id !== questionId);
}
