import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import './group-chooser.css';

/** Self-select: the groups of a phase with their free places; choosing may move the person at once. */
export function GroupChooser({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Said once when the choice appears (the organizers set up a self-select phase), for those who
  // do not see the notice come up above the stage.
  const said = useRef<string | null>(null);
  useEffect(() => {
    if (said.current === phase.id) return;
    said.current = phase.id;
    announce(t('groups.choiceOpened', { title: phase.title }));
  }, [phase.id, phase.title, announce, t]);

  const choose = async (roomId: string, name: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await api.chooseGroup(phase.id, roomId);
      setChosen(roomId);
      announce(t('groups.chosen', { room: name }));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel notice group-chooser" aria-labelledby="chooser-heading">
      <h2 id="chooser-heading">{t('groups.chooseHeading', { title: phase.title })}</h2>
      <p className="meta">
        {t(phase.status === 'open' ? 'groups.chooseOpen' : 'groups.chooseAhead')}
      </p>
      <ul className="group-options">
        {phase.groups.map((group) => {
          const free =
            group.capacity === null ? null : Math.max(0, group.capacity - group.assigned);
          const full = free === 0 && chosen !== group.roomId;
          return (
            <li key={group.roomId}>
              <span className="group-option-name">{group.name}</span>{' '}
              {group.description && <p className="group-option-description">{group.description}</p>}
              {group.moderators && group.moderators.length > 0 && (
                <p className="meta">
                  {t('groups.moderatedBy', {
                    names: group.moderators.map((m) => m.displayName).join(', '),
                  })}
                </p>
              )}
              <span className="meta">
                {free === null
                  ? t('groups.placesUnlimited')
                  : t('groups.placesFree', { count: free })}
              </span>{' '}
              {chosen === group.roomId ? (
                <strong>{t('groups.yourChoice')}</strong>
              ) : (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-disabled={full || busy || undefined}
                  onClick={() => !full && void choose(group.roomId, group.name)}
                >
                  {t('groups.choose')}
                  <span className="visually-hidden"> {group.name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
