import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@plenum/shared';
import { checkMinutes, type FormError } from '../../lib/form-rules.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ActionError, useFormErrorText } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import { assignmentsApi } from '../assignments/assignments-api.ts';
import { PhaseAssignments } from '../assignments/PhaseAssignments.tsx';
import { PreassignUpload } from '../assignments/PreassignUpload.tsx';
import type { PresenceMap } from '../presence/presence.ts';
import { Countdown } from './Countdown.tsx';
import { phasesApi } from './phases-api.ts';
import { groupLoad } from './phases.ts';
import { useCountdown } from './useCountdown.ts';

interface PhaseCardProps {
  phase: Phase;
  presence: PresenceMap;
  /** People never put in a group from here: the organizer, the groups' moderators. */
  leaveOut: ReadonlySet<string>;
  canMove: boolean;
  onPhase: (phase: Phase) => void;
}

/** One phase: its groups and time, and what the organizer can do with it in its state. */
export function PhaseCard({ phase, presence, leaveOut, canMove, onPhase }: PhaseCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const action = useConsoleAction();
  const left = useCountdown(phase.status === 'open' ? phase.deadlineAt : null);
  const title = phase.title;

  const run = (scope: 'open' | 'close' | 'balance', call: () => Promise<Phase>) =>
    void action.run(
      scope,
      async () => {
        const updated = await call();
        onPhase(updated);
        return updated;
      },
      () => t(`console.phases.${scope}Done`, { title }),
    );

  return (
    <article className={`phase-card phase-card-${phase.status}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="phase-card-title">
        {title} <span className="phase-status">{t(`console.phases.status.${phase.status}`)}</span>
      </h4>
      <p className="meta">
        {t('console.phases.summary', { count: phase.durationMinutes })}
        {' · '}
        {t(phase.selfSelect ? 'console.phases.bySelf' : 'console.phases.byOrganizers')}
      </p>
      {phase.status === 'open' && left && <Countdown left={left} />}
      <ul className="phase-groups">
        {phase.groups.map((group) => {
          const load = groupLoad(group);
          return (
            <li key={group.roomId}>
              <strong>{group.name}</strong>:{' '}
              {load.capacity === null
                ? t('console.phases.assigned', { count: load.assigned })
                : t('console.phases.assignedOf', { count: load.assigned, capacity: load.capacity })}
              {load.full && <span className="meta"> ({t('console.phases.full')})</span>}
            </li>
          );
        })}
      </ul>

      <div className="console-toolbar">
        {phase.status === 'draft' && (
          <ConfirmButton
            className="button button-primary"
            label={t('console.phases.open')}
            labelDetail={title}
            title={t('console.phases.openTitle', { title })}
            text={t('console.phases.openText')}
            confirmLabel={t('console.phases.open')}
            busy={action.busy === 'open'}
            onConfirm={() => run('open', () => phasesApi.openPhase(phase.id))}
          />
        )}
        {phase.status === 'open' && (
          <ConfirmButton
            className="button button-primary"
            label={t('console.phases.close')}
            labelDetail={title}
            title={t('console.phases.closeTitle', { title })}
            text={t('console.phases.closeText')}
            confirmLabel={t('console.phases.close')}
            busy={action.busy === 'close'}
            onConfirm={() => run('close', () => phasesApi.closePhase(phase.id))}
          />
        )}
        {canMove && phase.status !== 'closed' && (
          <button
            type="button"
            className="button"
            aria-disabled={action.busy === 'balance' || undefined}
            aria-describedby={`${id}-balance-hint`}
            onClick={() => run('balance', () => assignmentsApi.balance(phase.id))}
          >
            {t('console.phases.balance')}
          </button>
        )}
        {phase.status !== 'draft' && (
          <a className="button" href={phasesApi.resultsUrl(phase.id)} download>
            {t('console.phases.results')}
          </a>
        )}
      </div>
      {canMove && phase.status !== 'closed' && (
        <p id={`${id}-balance-hint`} className="field-hint">
          {t('console.phases.balanceHint')}
        </p>
      )}
      <ActionError
        error={action.errorFor('open') ?? action.errorFor('close') ?? action.errorFor('balance')}
      />
      {phase.status === 'open' && <ExtendPhase phase={phase} onPhase={onPhase} />}
      {canMove && phase.status !== 'closed' && (
        <>
          <PreassignUpload phaseId={phase.id} />
          <PhaseAssignments phase={phase} presence={presence} leaveOut={leaveOut} />
        </>
      )}
    </article>
  );
}

function ExtendPhase({ phase, onPhase }: { phase: Phase; onPhase: (phase: Phase) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useFormErrorText();
  const action = useConsoleAction();
  const [minutes, setMinutes] = useState('10');
  const [invalid, setInvalid] = useState<FormError | undefined>();
  const error = errorText(invalid);

  const extend = () => {
    const checked = checkMinutes(minutes, 'phaseExtend');
    if (!checked.ok) return setInvalid(checked.error);
    setInvalid(undefined);
    void action.run(
      'extend',
      async () => onPhase(await phasesApi.extendPhase(phase.id, checked.value)),
      () => t('console.phases.extended', { count: checked.value }),
    );
  };

  return (
    <div className="console-inline">
      <TextField
        id={`${id}-minutes`}
        label={t('console.phases.extendBy')}
        error={error}
        small
        inputMode="numeric"
        value={minutes}
        onChange={setMinutes}
      />
      <button
        type="button"
        className="button"
        aria-disabled={action.busy === 'extend' || undefined}
        onClick={extend}
      >
        {t('console.phases.extend')}
      </button>
      <ActionError error={action.errorFor('extend')} />
    </div>
  );
}
