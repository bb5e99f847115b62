import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll, PollResults, PollState } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { liveErrorKey } from '../realtime/errors.ts';
import {
  averageRating,
  ballotProblem,
  choicesOf,
  resultRows,
  toggleChoice,
  type BallotProblem,
} from './poll-logic.ts';
import type { Polls } from './usePolls.ts';

/** One poll: vote while it is open; results once closed; the staff's controls and counts. */
export function PollCard({
  state,
  steers,
  polls,
}: {
  state: PollState;
  steers: boolean;
  polls: Polls;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { poll, results } = state;

  const act = async (action: () => Promise<void>, done: string) => {
    try {
      await action();
      announce(done);
    } catch (error) {
      announce(t(liveErrorKey(error)));
    }
  };

  return (
    <article className={`poll poll-${poll.status}`} aria-label={poll.question}>
      {poll.status === 'open' ? (
        // A vote stored elsewhere (another tab, a reload) starts the form afresh from it.
        <VoteForm key={state.myChoices?.join(',') ?? ''} state={state} polls={polls} />
      ) : (
        <h3 className="poll-question">{poll.question}</h3>
      )}
      <p className="meta">
        {[
          t(`polls.kinds.${poll.kind}`),
          t(poll.anonymous ? 'polls.isAnonymous' : 'polls.isNamed'),
          poll.roomId === null && t('polls.eventWide'),
          t(`polls.status.${poll.status}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {results && (poll.status === 'closed' || steers) && (
        <ResultList poll={poll} results={results} live={poll.status === 'open'} />
      )}
      {steers && poll.status === 'draft' && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void act(() => polls.open(poll.id), t('polls.openedByYou'))}
        >
          {t('polls.open')}
        </button>
      )}
      {steers && poll.status === 'open' && (
        <button
          type="button"
          className="button"
          onClick={() => void act(() => polls.close(poll.id), t('polls.closedByYou'))}
        >
          {t('polls.close')}
        </button>
      )}
    </article>
  );
}

function VoteForm({ state, polls }: { state: PollState; polls: Polls }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { poll, myChoices } = state;
  const [choices, setChoices] = useState<number[]>(myChoices ?? []);
  const [problem, setProblem] = useState<BallotProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const name = `poll-${poll.id}`;
  const errorId = `${name}-error`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = ballotProblem(poll.kind, choices);
    setProblem(found);
    if (found || busy) return;
    setBusy(true);
    try {
      await polls.vote(poll.id, choices);
      announce(t(myChoices ? 'polls.voteChanged' : 'polls.voted'));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const multiple = poll.kind === 'multiple';
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset
        className={problem ? 'choice-group field-invalid' : 'choice-group'}
        aria-describedby={problem ? errorId : undefined}
      >
        <legend className="poll-question">{poll.question}</legend>
        {problem && (
          <p id={errorId} className="field-error">
            {t(`polls.problems.ballot.${problem}`)}
          </p>
        )}
        <ul className={poll.kind === 'rating' ? 'choice-list poll-scale' : 'choice-list'}>
          {choicesOf(poll).map((choice) => (
            <li key={choice.value}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={`${name}-${choice.value}`}
                name={name}
                checked={choices.includes(choice.value)}
                onChange={() => setChoices((c) => toggleChoice(poll.kind, c, choice.value))}
              />
              <label htmlFor={`${name}-${choice.value}`}>{choice.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {t(myChoices ? 'polls.changeVote' : 'polls.vote')}
      </button>
      {myChoices && <span className="meta"> {t('polls.yourVoteCounts')}</span>}
    </form>
  );
}

function ResultList({ poll, results, live }: { poll: Poll; results: PollResults; live: boolean }) {
  const { t } = useTranslation();
  const average = poll.kind === 'rating' ? averageRating(results) : null;
  return (
    <div className="poll-results">
      <p>
        {t(live ? 'polls.liveCounts' : 'polls.results', { count: results.voters })}
        {average !== null && <> · {t('polls.average', { average })}</>}
      </p>
      <ul className="poll-bars">
        {resultRows(poll, results).map((row) => (
          <li key={row.label}>
            <span className="poll-bar-label">
              {t('polls.row', { label: row.label, count: row.count, percent: row.percent })}
            </span>
            <span className="poll-bar" aria-hidden="true">
              <span style={{ width: `${row.percent}%` }} />
            </span>
          </li>
        ))}
      </ul>
      {results.ballots && results.ballots.length > 0 && (
        <details>
          <summary>{t('polls.whoVoted')}</summary>
          <ul>
            {results.ballots.map((b) => (
              <li key={b.person.id}>
                {b.person.displayName}:{' '}
                {b.choices.map((c) => choicesOf(poll).find((x) => x.value === c)?.label).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
