import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hand, ModeratorAction, PresencePerson } from '@plenum/shared';
import type { Actor } from '@plenum/shared/access';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { peopleIn, type PresenceMap } from '../presence/presence.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import { matchesSearch, moderationActions } from './moderation.ts';
import './people.css';

interface PeoplePanelProps {
  presence: PresenceMap;
  room: { id: string; name: string; kind: 'plenary' | 'working_group' };
  /** Who looks: the menu offers only what the server lets them do to each person (`can()`). */
  actor: Actor;
  /** The room's raised hands, to mark who is waiting for the word. */
  hands?: readonly Hand[];
}

export function PeoplePanel({ presence, room, actor, hands = [] }: PeoplePanelProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const { here, elsewhere, offline } = peopleIn(presence, room.id);
  const shown = here.filter((p) => matchesSearch(p.displayName, query));
  const raised = new Set(hands.map((h) => h.person.id));
  return (
    <section className="people" aria-labelledby="people-heading">
      <h2 id="people-heading" className="panel-heading">
        {room.kind === 'plenary'
          ? t('people.headingPlenary', { count: here.length })
          : t('people.heading', { room: room.name, count: here.length })}
      </h2>
      <div className="field people-search">
        <label htmlFor={searchId}>{t('people.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${searchId}-count`}
        />
        <p id={`${searchId}-count`} className="meta" aria-live="polite">
          {query.trim() ? t('people.found', { count: shown.length }) : ''}
        </p>
      </div>
      <ul className="people-list">
        {shown.map((person) => (
          <PersonEntry
            key={person.personId}
            person={person}
            isMe={person.personId === actor.personId}
            room={room}
            handRaised={raised.has(person.personId)}
            actor={actor}
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
  handRaised,
  actor,
}: {
  person: PresencePerson;
  isMe: boolean;
  room: PeoplePanelProps['room'];
  handRaised: boolean;
  actor: Actor;
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

  const actions = isMe
    ? []
    : moderationActions(
        person,
        { eventId: actor.eventId, roomId: room.id, kind: room.kind },
        actor,
      );

  return (
    <li className="person">
      <span className="person-name">
        <span className="presence-dot" aria-hidden="true" />
        {name}
        {isMe && <span className="meta"> ({t('people.you')})</span>}
      </span>
      <span className="person-marks">
        {person.role && <span className="person-mark">{t(`roles.${person.role}`)}</span>}
        {handRaised && (
          <span className="person-mark person-mark-hand">
            <span aria-hidden="true">✋ </span>
            {t('people.handRaised')}
          </span>
        )}
        {/* In the plenary it matters who has the word; in a group everyone has it. */}
        {room.kind === 'plenary' && person.canPublish && (
          <span className="person-mark person-mark-mic">
            <span aria-hidden="true">🎤 </span>
            {t('people.mayPublish')}
          </span>
        )}
      </span>
      {actions.length > 0 && (
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
