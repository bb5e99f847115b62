import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeratorAction, PresencePerson } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { peopleIn, type PresenceMap } from '../presence/presence.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import { moderationActions } from './moderation.ts';

interface PeoplePanelProps {
  presence: PresenceMap;
  room: { id: string; name: string; kind: 'plenary' | 'working_group' };
  myId: string;
  /** Promote, demote, mute and remove people in this room. */
  canModerate: boolean;
}

export function PeoplePanel({ presence, room, myId, canModerate }: PeoplePanelProps) {
  const { t } = useTranslation();
  const { here, elsewhere, offline } = peopleIn(presence, room.id);
  return (
    <section className="people" aria-labelledby="people-heading">
      <h2 id="people-heading" className="panel-heading">
        {t('people.heading', { room: room.name, count: here.length })}
      </h2>
      <ul className="people-list">
        {here.map((person) => (
          <PersonEntry
            key={person.personId}
            person={person}
            isMe={person.personId === myId}
            room={room}
            canModerate={canModerate && person.personId !== myId}
          />
        ))}
      </ul>
      <p className="meta">{t('people.elsewhere', { count: elsewhere, offline })}</p>
    </section>
  );
}

function PersonEntry({
  person,
  isMe,
  room,
  canModerate,
}: {
  person: PresencePerson;
  isMe: boolean;
  room: PeoplePanelProps['room'];
  canModerate: boolean;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const name = person.displayName;

  const moderate = async (action: ModeratorAction) => {
    if (busy) return;
    setBusy(true);
    try {
      await api.moderate(room.id, person.personId, action);
      announce(t(`people.done.${action}`, { name }));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const actions = moderationActions(person, room.kind);

  return (
    <li className="person">
      <span className="person-name">
        <span className="presence-dot" aria-hidden="true" />
        {name}
        {isMe && <span className="meta"> ({t('people.you')})</span>}
        {/* In the plenary it matters who has the word; in a group everyone has it. */}
        {room.kind === 'plenary' && person.canPublish && (
          <span className="meta"> · {t('people.mayPublish')}</span>
        )}
      </span>
      {canModerate && (
        <details className="person-actions">
          <summary>
            {t('people.actions')}
            <span className="visually-hidden"> {t('people.for', { name })}</span>
          </summary>
          <ul>
            {actions.map((action) => (
              <li key={action}>
                <button
                  type="button"
                  className="link-button"
                  aria-disabled={busy || undefined}
                  onClick={() => void moderate(action)}
                >
                  {t(`people.action.${action}`, { name })}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
