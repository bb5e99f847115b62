import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '@plenum/shared';
import { QUESTION_MAX_LENGTH } from '@plenum/shared/limits';
import { useAnnounce } from '../../app/status.tsx';
import { liveErrorKey, type LiveErrorKey } from '../realtime/errors.ts';
import type { useQuestions } from './useQuestions.ts';
import './questions.css';

type Questions = ReturnType<typeof useQuestions>;

export function QuestionsPanel({
  questions,
  canModerate,
}: {
  questions: Questions;
  canModerate: boolean;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<LiveErrorKey | null>(null);
  // One id per question typed: a resend after a lost answer is stored once.
  const clientId = useRef(crypto.randomUUID());
  const tooLong = draft.trim().length > QUESTION_MAX_LENGTH;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = draft.trim();
    if (!body || tooLong) return;
    setError(null);
    try {
      await questions.ask(body, clientId.current);
      clientId.current = crypto.randomUUID();
      setDraft('');
      announce(t('questions.asked'));
    } catch (failure) {
      const key = liveErrorKey(failure);
      setError(key);
      announce(t(key));
    }
  };

  const act = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) announce(done);
    } catch (failure) {
      announce(t(liveErrorKey(failure)));
    }
  };

  return (
    <section className="questions" aria-labelledby="questions-heading">
      <h2 id="questions-heading" className="panel-heading">
        {t('questions.heading')}
      </h2>
      <form className="chat-form" onSubmit={submit}>
        <label htmlFor="question-input">{t('questions.inputLabel')}</label>
        <textarea
          id="question-input"
          rows={2}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={tooLong || undefined}
          aria-describedby={tooLong || error ? 'question-error' : undefined}
        />
        {(tooLong || error) && (
          <p id="question-error" className="field-error">
            {tooLong ? t('questions.tooLong', { max: QUESTION_MAX_LENGTH }) : error && t(error)}
          </p>
        )}
        <button type="submit" className="button button-primary">
          {t('questions.ask')}
        </button>
      </form>
      {questions.questions.length === 0 ? (
        <p className="meta">{t('questions.empty')}</p>
      ) : (
        <ol className="question-list">
          {questions.questions.map((q) => (
            <QuestionEntry
              key={q.id}
              question={q}
              canModerate={canModerate}
              onUpvote={() => act(() => questions.upvote(q.id))}
              onAnswer={() => act(() => questions.answer(q.id), t('questions.markedAnswered'))}
              onHide={() => act(() => questions.hide(q.id), t('questions.hidden'))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface QuestionEntryProps {
  question: Question;
  canModerate: boolean;
  onUpvote: () => void;
  onAnswer: () => void;
  onHide: () => void;
}

function QuestionEntry({ question, canModerate, onUpvote, onAnswer, onHide }: QuestionEntryProps) {
  const { t } = useTranslation();
  const answered = question.status === 'answered';
  return (
    <li className={answered ? 'question question-answered' : 'question'}>
      <p className="question-body">{question.body}</p>
      <p className="chat-meta">
        {question.author?.displayName ?? t('chat.unknownAuthor')}
        {answered && <strong className="chat-badge">{t('questions.answered')}</strong>}
      </p>
      <p className="chat-actions">
        <button
          type="button"
          className={question.votedByMe ? 'upvote-button upvote-button-pressed' : 'upvote-button'}
          aria-pressed={question.votedByMe ?? false}
          disabled={answered}
          onClick={onUpvote}
        >
          {question.votedByMe && <span aria-hidden="true">✓ </span>}
          {t(question.votedByMe ? 'questions.upvoted' : 'questions.upvote', {
            count: question.upvotes,
          })}
        </button>
        {canModerate && !answered && (
          <button type="button" className="link-button" onClick={onAnswer}>
            {t('questions.markAnswered')}
          </button>
        )}
        {canModerate && (
          <button type="button" className="link-button" onClick={onHide}>
            {t('questions.hide')}
          </button>
        )}
      </p>
    </li>
  );
}
