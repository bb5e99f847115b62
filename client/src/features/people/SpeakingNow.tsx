import { useTranslation } from 'react-i18next';
import type { PresencePerson } from '@plenum/shared';
import { api } from '../../lib/api.ts';
import type { PresenceMap } from '../presence/presence.ts';
import { useLiveAction } from '../realtime/useLiveAction.ts';
import { speakingNow } from './moderation.ts';

/** "Spricht gerade": who a moderator gave the word to in the plenary, each with "Wort zurücknehmen". */
export function SpeakingNow({ presence, roomId }: { presence: PresenceMap; roomId: string }) {
  const { t } = useTranslation();
  const { busy, run } = useLiveAction<string>();
  const speakers = speakingNow(presence.values(), roomId);
  if (speakers.length === 0) return null;

  const takeBack = (person: PresencePerson) =>
    run(
      person.personId,
      () => api.moderate(roomId, person.personId, 'demote'),
      () => t('people.done.demote', { name: person.displayName }),
    );

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
