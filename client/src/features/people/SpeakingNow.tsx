import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresencePerson } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import type { PresenceMap } from '../presence/presence.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import { speakingNow } from './moderation.ts';

/** "Spricht gerade": who a moderator gave the word to in the plenary, each with "Wort zurücknehmen". */
export function SpeakingNow({ presence, roomId }: { presence: PresenceMap; roomId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const speakers = speakingNow(presence.values(), roomId);
  if (speakers.length === 0) return null;

  const takeBack = async (person: PresencePerson) => {
    if (busy) return;
    setBusy(person.personId);
    try {
      await api.moderate(roomId, person.personId, 'demote');
      announce(t('people.done.demote', { name: person.displayName }));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="speaking-now" aria-labelledby="speaking-now-heading">
      <h2 id="speaking-now-heading" className="panel-heading">
        {t('hands.speaking.heading')}
      </h2>
      <ul>
        {speakers.map((person) => (
          <li key={person.personId}>
            <span>
              <span aria-hidden="true">🎤 </span>
              {person.displayName}
            </span>
            <button
              type="button"
              className="button"
              aria-disabled={busy === person.personId || undefined}
              onClick={() => void takeBack(person)}
            >
              {t('hands.speaking.takeBack')}
              <span className="visually-hidden">
                {' '}
                {t('people.for', { name: person.displayName })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
