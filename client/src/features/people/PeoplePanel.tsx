import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hand, ModeratorAction, PresencePerson } from '@plenum/shared';
import type { Actor } from '@plenum/shared/access';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { mayInEvent } from '../../lib/rights.ts';
import { peopleIn, type PresenceMap } from '../presence/presence.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import { useStageState } from '../stage/useStageState.ts';
import { liveMicrophones } from './live-microphones.ts';
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

/** The event's sign-language interpreters, and the organizer's way to mark one. */
interface Interpreters {
  ids: ReadonlySet<string>;
  mark: (personId: string, interpreter: boolean) => Promise<unknown>;
}

export function PeoplePanel(props: PeoplePanelProps) {
  // Only those who mark interpreters load the stage's shared state here (the stage has its own).
  return mayInEvent(props.actor, 'stage.interpreter') ? (
    <PeopleWithInterpreters {...props} />
  ) : (
    <PeopleList {...props} interpreters={null} />
  );
}

function PeopleWithInterpreters(props: PeoplePanelProps) {
  const stage = useStageState(props.room.id);
  return (
    <PeopleList
      {...props}
      interpreters={{ ids: stage.interpreterIds, mark: stage.markInterpreter }}
    />
  );
}

function PeopleList({
  presence,
  room,
  actor,
  hands = [],
  interpreters,
}: PeoplePanelProps & { interpreters: Interpreters | null }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const mics = useSyncExternalStore(liveMicrophones.subscribe, liveMicrophones.get);
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
            micOn={mics?.roomId === room.id && mics.personIds.has(person.personId)}
            actor={actor}
            interpreters={interpreters}
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
  micOn,
  actor,
  interpreters,
}: {
  person: PresencePerson;
  isMe: boolean;
  room: PeoplePanelProps['room'];
  handRaised: boolean;
  /** Whether LiveKit reports this person's microphone as on (published and not muted). */
  micOn: boolean;
  actor: Actor;
  interpreters: Interpreters | null;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const name = person.displayName;

  const run = async (act: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await act();
      announce(done);
    } catch (error) {
      announce(t(liveErrorKey(error)));
    } finally {
      setBusy(false);
    }
  };
  const moderate = (action: ModeratorAction) =>
    run(() => api.moderate(room.id, person.personId, action), t(`people.done.${action}`, { name }));

  const actions = isMe
    ? []
    : moderationActions(
        person,
        { eventId: actor.eventId, roomId: room.id, kind: room.kind },
        actor,
      );
  const isInterpreter = interpreters?.ids.has(person.personId) ?? false;
  const interpreterMenu = interpreters !== null && !isMe;

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
        {micOn && (
          <span className="person-mark person-mark-mic">
            <span aria-hidden="true">🎙 </span>
            {t('people.micOn')}
          </span>
        )}
        {/* In the plenary it matters who has the word; in a group everyone has it. */}
        {room.kind === 'plenary' && person.canPublish && (
          <span className="person-mark">{t('people.mayPublish')}</span>
        )}
        {isInterpreter && <span className="person-mark">{t('stage.layout.interpreterLabel')}</span>}
      </span>
      {(actions.length > 0 || interpreterMenu) && (
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
            {interpreterMenu && (
              <li>
                <button
                  type="button"
                  className="link-button"
                  aria-disabled={busy || undefined}
                  onClick={() =>
                    void run(
                      () => interpreters.mark(person.personId, !isInterpreter),
                      t(isInterpreter ? 'people.done.notInterpreter' : 'people.done.interpreter', {
                        name,
                      }),
                    )
                  }
                >
                  {t(isInterpreter ? 'stage.layout.notInterpreter' : 'stage.layout.interpreter')}
                </button>
              </li>
            )}
          </ul>
        </details>
      )}
    </li>
  );
}
