import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { MediaPrefsStore } from '../devices/media-prefs.ts';
import { MediaRetry } from '../stage/media-retry.ts';
import { connectionKey, type RoomChange } from '../stage/room-switch.ts';
import { actorOf, mayInEvent, mayInRoom } from '../../lib/rights.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { AgendaView } from '../agenda/AgendaView.tsx';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { GroupVisit } from '../visits/GroupVisit.tsx';
import { GroupChooser } from '../phases/GroupChooser.tsx';
import { NotesEditor } from '../notes/NotesEditor.tsx';
import { ResultsPanel } from '../notes/ResultsPanel.tsx';
import { RoomBanner } from '../phases/RoomBanner.tsx';
import { usePhases } from '../phases/usePhases.ts';
import { HandButton, HandQueue } from '../hands/HandPanel.tsx';
import { useHands } from '../hands/useHands.ts';
import { PeoplePanel } from '../people/PeoplePanel.tsx';
import { usePresence } from '../presence/usePresence.ts';
import { QuestionsPanel } from '../questions/QuestionsPanel.tsx';
import { useQuestions } from '../questions/useQuestions.ts';
import { LogoutButton } from '../sessions/LogoutButton.tsx';
import { useRoomSwitch } from '../stage/useRoomSwitch.ts';
import { AnnouncementBanner, HelpRequests } from '../chat/Announcements.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import type { EventOverview } from './useEventOverview.ts';
import { useLiveAgenda } from '../agenda/useLiveAgenda.ts';

// LiveKit and its styles load only here, after the page itself: the join page stays small.
const Stage = lazy(() => import('../stage/Stage.tsx'));
// The organizer console is its own chunk, loaded only for those who may run the event.
const OrganizerConsole = lazy(() => import('../console/OrganizerConsole.tsx'));

function browserStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The conference screen: where one is, the stage, the conversation, the agenda. */
export function EventLive({ overview }: { overview: EventOverview }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { me, event, role, rooms } = overview;
  const myId = me.person.id;
  const plenary = rooms.find((r) => r.kind === 'plenary') ?? rooms[0]!;
  const actor = useMemo(() => actorOf(myId, event.id, role, rooms), [myId, event.id, role, rooms]);
  const [prefs] = useState(() => new MediaPrefsStore(role, browserStorage()));

  const onRoomChange = useCallback(
    (change: RoomChange) => {
      const key =
        change.kind === 'plenary'
          ? 'groups.movedToPlenary'
          : change.reason === 'moved'
            ? 'groups.movedToGroup'
            : 'groups.nowInGroup';
      announce(t(key, { room: change.name }));
    },
    [announce, t],
  );
  const roomSwitch = useRoomSwitch(plenary.id, onRoomChange);
  const { state } = roomSwitch;
  const room: Pick<Room, 'id' | 'name' | 'kind'> = state.media?.room ?? plenary;
  const key = connectionKey(state);

  // A media connection lost for good: a fresh token, a little later each time, until one comes.
  const refresh = useRef(roomSwitch.refresh);
  useEffect(() => {
    refresh.current = roomSwitch.refresh;
  });
  const retry = useRef<MediaRetry | null>(null);
  useEffect(() => {
    const media = new MediaRetry(() => refresh.current());
    retry.current = media;
    return () => media.stop();
  }, []);
  useEffect(() => retry.current?.reset(), [key]);
  const onLost = useCallback(() => retry.current?.lost(), []);
  const onRemoved = useCallback(() => {
    roomSwitch.removed();
    announce(t('stage.removed'));
  }, [roomSwitch, announce, t]);

  const agenda = useLiveAgenda(event.id, overview.agenda);
  const phases = usePhases(overview.phases);
  const presence = usePresence(room.id);
  const hands = useHands(room.id);
  const questions = useQuestions();

  const inGroup = room.kind === 'working_group';
  const myPhase =
    phases.find((p) => p.id === state.phaseId) ?? phases.find((p) => p.status === 'open');
  const deadlineAt =
    myPhase?.status === 'open' ? (myPhase.deadlineAt ?? state.deadlineAt) : state.deadlineAt;
  const choosable =
    !inGroup && (role === 'attendee' || role === 'speaker')
      ? phases.find((p) => p.selfSelect && p.status !== 'closed')
      : undefined;
  const lastClosed = !inGroup ? phases.find((p) => p.status === 'closed') : undefined;
  const steers = mayInEvent(actor, 'room.visitAny');
  const organizes = (
    ['agenda.manage', 'room.manage', 'phase.run', 'invitation.manage'] as const
  ).some((action) => mayInEvent(actor, action));

  const tabs = [
    {
      id: 'chat',
      label: t('tabs.chat'),
      content: (
        <ChatPanel
          key={room.id}
          room={room}
          timeZone={event.timeZone}
          canModerate={mayInRoom(actor, 'chat.moderate', room)}
          canModerateAnnouncements={mayInEvent(actor, 'announcement.broadcast')}
        />
      ),
    },
    {
      id: 'people',
      label: t('tabs.people'),
      content: (
        <PeoplePanel
          presence={presence}
          room={room}
          myId={myId}
          canModerate={mayInRoom(actor, 'participant.promote', room)}
        />
      ),
    },
    ...(inGroup
      ? []
      : [
          {
            id: 'questions',
            label: t('tabs.questions', {
              count: questions.questions.filter((q) => q.status === 'open').length,
            }),
            content: (
              <QuestionsPanel
                questions={questions}
                canModerate={mayInRoom(actor, 'question.moderate', room)}
              />
            ),
          },
        ]),
    ...(mayInRoom(actor, 'hand.take', room)
      ? [
          {
            id: 'hands',
            label: t('tabs.hands', { count: hands.queue.length }),
            content: <HandQueue hands={hands} />,
          },
        ]
      : []),
  ];

  return (
    <div className="event-live">
      <header className="event-header">
        <div>
          <h1 id="page-heading">{event.title}</h1>
          <p className="meta">
            {t('event.signedInAs', { name: me.person.displayName })}
            {role && <> · {t('event.role', { role: t(`roles.${role}`) })}</>}
          </p>
        </div>
        <div className="event-header-side">
          <ConnectionStatus />
          <LogoutButton />
        </div>
      </header>

      <AnnouncementBanner roomKind={room.kind} />
      {steers && <HelpRequests />}
      <RoomBanner
        room={room}
        phaseId={inGroup ? (myPhase?.id ?? null) : null}
        deadlineAt={deadlineAt}
        change={roomSwitch.lastChange}
      />
      {steers && (
        <GroupVisit
          phase={phases.find((p) => p.status === 'open')}
          room={room}
          plenaryId={plenary.id}
          onVisit={roomSwitch.visit}
        />
      )}

      <div className="event-grid">
        <div className="event-main">
          <StageArea
            status={state.status}
            stage={
              key && state.media ? (
                <Stage
                  key={key}
                  media={state.media}
                  prefs={prefs}
                  onRemoved={onRemoved}
                  onLost={onLost}
                />
              ) : null
            }
          />
          {/* Those who present in the plenary anyway need no hand to raise. */}
          {!inGroup && role === 'attendee' && <HandButton hands={hands} myId={myId} />}
          {inGroup && myPhase && (
            <NotesEditor
              key={`${myPhase.id}:${room.id}`}
              phaseId={myPhase.id}
              room={room}
              timeZone={event.timeZone}
            />
          )}
          {choosable && <GroupChooser phase={choosable} />}
          {lastClosed && <ResultsPanel phase={lastClosed} />}
        </div>
        <div className="event-side">
          <Tabs label={t('tabs.label')} tabs={tabs} idPrefix="side" />
        </div>
      </div>
      {organizes && (
        <Suspense fallback={<p className="loading">{t('console.loading')}</p>}>
          <OrganizerConsole
            event={event}
            actor={actor}
            presence={presence}
            onVisit={roomSwitch.visit}
          />
        </Suspense>
      )}
      <AgendaView items={agenda} timeZone={event.timeZone} />
    </div>
  );
}

function StageArea({ status, stage }: { status: string; stage: ReactNode }) {
  const { t } = useTranslation();
  const placeholder = (text: string) => (
    <div className="stage stage-placeholder">
      <p>{text}</p>
    </div>
  );
  if (status === 'removed') return placeholder(t('stage.removed'));
  if (status === 'failed') return placeholder(t('stage.unavailable'));
  if (!stage) return placeholder(t('stage.connecting'));
  return <Suspense fallback={placeholder(t('stage.loading'))}>{stage}</Suspense>;
}
