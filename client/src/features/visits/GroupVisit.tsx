import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';

interface GroupVisitProps {
  /** The phase that is running, if any: its groups can be visited. */
  phase: Phase | undefined;
  room: { id: string; kind: 'plenary' | 'working_group' };
  plenaryId: string;
  /** Switches this page's stage and conversation to a room (a fresh token, as on a move). */
  onVisit: (roomId: string) => Promise<boolean>;
}

/**
 * "Gruppe besuchen" for moderators and organizers: look into any working group of the running
 * phase, and come back to the plenary. The page announces each switch like any other.
 */
export function GroupVisit({ phase, room, plenaryId, onVisit }: GroupVisitProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [failed, setFailed] = useState(false);
  const groups = phase?.groups ?? [];
  const [chosen, setChosen] = useState('');
  const target = groups.some((g) => g.roomId === chosen) ? chosen : (groups[0]?.roomId ?? '');
  const inGroup = room.kind === 'working_group';
  if (groups.length === 0 && !inGroup) return null;

  const go = async (roomId: string) => {
    setFailed(false);
    if (await onVisit(roomId)) return;
    setFailed(true);
    announce(t('console.visit.failed'));
  };

  return (
    <section className="group-visit" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        {t('console.visit.heading')}
      </h2>
      {groups.length > 0 && (
        <div className="console-inline">
          <label htmlFor={`${id}-group`}>{t('console.visit.group')}</label>
          <select id={`${id}-group`} value={target} onChange={(e) => setChosen(e.target.value)}>
            {groups.map((g) => (
              <option key={g.roomId} value={g.roomId}>
                {g.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            aria-disabled={target === room.id || undefined}
            onClick={() => target && target !== room.id && void go(target)}
          >
            {t('console.visit.go')}
          </button>
        </div>
      )}
      {inGroup && (
        <button type="button" className="button" onClick={() => void go(plenaryId)}>
          {t('console.visit.back')}
        </button>
      )}
      {failed && <p className="error-text">{t('console.visit.failed')}</p>}
    </section>
  );
}
