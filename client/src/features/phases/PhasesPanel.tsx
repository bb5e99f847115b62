import { useTranslation } from 'react-i18next';
import type { Room } from '@plenum/shared';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { useFormOpener } from '../../ui/useFormOpener.ts';
import { BroadcastForm } from '../chat/BroadcastForm.tsx';
import type { PresenceMap } from '../presence/presence.ts';
import { HelpRequestList } from './HelpRequestList.tsx';
import { PhaseCard } from './PhaseCard.tsx';
import { PhaseForm } from './PhaseForm.tsx';
import { useHelpRequests } from './useHelpRequests.ts';
import { usePhaseList } from './usePhaseList.ts';

interface PhasesPanelProps {
  slug: string;
  timeZone: string;
  groups: Room[];
  presence: PresenceMap;
  myId: string;
  canMove: boolean;
  canBroadcast: boolean;
  onVisit: (roomId: string) => Promise<boolean>;
}

/** Working-group phases: set up, fill, open, run (time, help, announcements), close. */
export function PhasesPanel(props: PhasesPanelProps) {
  const { slug, timeZone, groups, presence, myId, canMove, canBroadcast, onVisit } = props;
  const { t } = useTranslation();
  const phases = usePhaseList(slug);
  const help = useHelpRequests(true);
  const {
    shown: creating,
    show: setCreating,
    opener: addButton,
    close: closeForm,
  } = useFormOpener<boolean>(false);
  const moderators = new Set([myId, ...groups.flatMap((g) => g.moderatorIds)]);

  return (
    <section className="console-part" aria-labelledby="console-phases-heading">
      <h3 id="console-phases-heading">{t('console.phases.heading')}</h3>
      <HelpRequestList
        requests={help.requests}
        onDone={help.done}
        onVisit={onVisit}
        timeZone={timeZone}
      />
      {canBroadcast && <BroadcastForm />}
      <div className="console-toolbar">
        <button
          ref={addButton}
          type="button"
          className="button button-primary"
          aria-expanded={creating}
          onClick={() => setCreating(true)}
        >
          {t('console.phases.add')}
        </button>
      </div>
      {creating && (
        <PhaseForm
          slug={slug}
          groups={groups}
          onCreated={(phase) => {
            phases.put(phase);
            closeForm();
          }}
          onCancel={closeForm}
        />
      )}
      {phases.status === 'failed' && <LoadFailed onRetry={phases.reload} />}
      {phases.status === 'done' && phases.items.length === 0 && <p>{t('console.phases.empty')}</p>}
      {phases.items.map((phase) => (
        <PhaseCard
          key={phase.id}
          phase={phase}
          presence={presence}
          leaveOut={moderators}
          canMove={canMove}
          onPhase={phases.put}
        />
      ))}
    </section>
  );
}
