import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollKind } from '@plenum/shared';
import { pollKinds } from '@plenum/shared/vocab';
import { useAnnounce } from '../../app/status.tsx';
import { SelectField, TextAreaField } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { liveErrorKey } from '../realtime/errors.ts';
import { draftProblems, optionsOf, type DraftProblem } from './poll-logic.ts';
import type { Polls } from './usePolls.ts';

const EVENT_WIDE = 'event';

/** Prepares a poll as a draft: question, kind, options, where, anonymous or named. */
export function PollComposer({
  roomId,
  runsHere,
  runsEventWide,
  create,
}: {
  roomId: string;
  runsHere: boolean;
  runsEventWide: boolean;
  create: Polls['create'];
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('single');
  const [optionLines, setOptionLines] = useState('');
  const [scope, setScope] = useState(runsHere ? roomId : EVENT_WIDE);
  const [anonymous, setAnonymous] = useState(true);
  const [shown, setShown] = useState<DraftProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const problemText = (field: DraftProblem['field']) => {
    const problem = shown.find((p) => p.field === field);
    if (!problem) return undefined;
    return problem.field === 'question'
      ? t(`polls.problems.question.${problem.key}`, { max: problem.max })
      : t(`polls.problems.options.${problem.key}`, { max: problem.max });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = draftProblems({ question, kind, optionLines });
    setShown(problems);
    if (problems.length > 0 || busy) return;
    setBusy(true);
    try {
      await create({
        roomId: scope === EVENT_WIDE ? null : roomId,
        question: question.trim(),
        kind,
        options: kind === 'rating' ? [] : optionsOf(optionLines),
        anonymous,
      });
      setQuestion('');
      setOptionLines('');
      announce(t('polls.created'));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="poll-composer">
      <summary>{t('polls.prepare')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id={`poll-question-${roomId}`}
          label={t('polls.question')}
          value={question}
          onChange={setQuestion}
          required
          error={problemText('question')}
        />
        <SelectField
          id={`poll-kind-${roomId}`}
          label={t('polls.kind')}
          value={kind}
          onChange={(v) => setKind(v as PollKind)}
          options={pollKinds.map((k) => ({ value: k, label: t(`polls.kinds.${k}`) }))}
        />
        {kind !== 'rating' && (
          <TextAreaField
            id={`poll-options-${roomId}`}
            label={t('polls.options')}
            hint={t('polls.optionsHint')}
            value={optionLines}
            onChange={setOptionLines}
            rows={4}
            required
            error={problemText('options')}
          />
        )}
        {runsHere && runsEventWide && (
          <SelectField
            id={`poll-scope-${roomId}`}
            label={t('polls.scope')}
            value={scope}
            onChange={setScope}
            options={[
              { value: roomId, label: t('polls.scopeRoom') },
              { value: EVENT_WIDE, label: t('polls.scopeEvent') },
            ]}
          />
        )}
        <div className="poll-anonymous">
          <input
            type="checkbox"
            id={`poll-anonymous-${roomId}`}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
          <label htmlFor={`poll-anonymous-${roomId}`}>{t('polls.anonymous')}</label>
        </div>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('polls.create')}
        </button>
      </form>
    </details>
  );
}
