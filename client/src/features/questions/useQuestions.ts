import { useCallback, useEffect, useState } from 'react';
import type { Question } from '@plenum/shared';
import { useRealtime, useResync, useServerEvent } from '../realtime/RealtimeContext.tsx';
import { applyUpvote, removeQuestion, sortQuestions, upsertQuestion } from './questions.ts';

/** The plenary's questions; they live in the plenary even while the person is in a group. */
export function useQuestions() {
  const realtime = useRealtime();
  const [questions, setQuestions] = useState<Question[]>([]);

  const load = useCallback(async () => {
    try {
      setQuestions(sortQuestions((await realtime.request('question:list', {})).questions));
    } catch {
      // kept as it was; the next reconnect loads again
    }
  }, [realtime]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads from the server when the room changes; the answer replaces the list
    void load();
  }, [load]);
  useResync(load);

  const upsert = (question: Question) =>
    setQuestions((current) => upsertQuestion(current, question));
  useServerEvent('question:asked', upsert);
  useServerEvent('question:answered', upsert);
  useServerEvent('question:upvoted', (upvoted) =>
    setQuestions((current) => applyUpvote(current, upvoted)),
  );
  useServerEvent('question:hidden', ({ questionId }) =>
    setQuestions((current) => removeQuestion(current, questionId)),
  );

  const ask = useCallback(
    async (body: string, clientId: string) => {
      const { question } = await realtime.request('question:ask', { body, clientId });
      upsert(question);
    },
    [realtime],
  );
  const upvote = useCallback(
    async (questionId: number) =>
      upsert((await realtime.request('question:upvote', { questionId })).question),
    [realtime],
  );
  const answer = useCallback(
    async (questionId: number) =>
      upsert((await realtime.request('question:answer', { questionId })).question),
    [realtime],
  );
  const hide = useCallback(
    async (questionId: number) => {
      await realtime.request('question:hide', { questionId });
      setQuestions((current) => removeQuestion(current, questionId));
    },
    [realtime],
  );

  return { questions, ask, upvote, answer, hide };
}
