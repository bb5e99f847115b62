import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { actorOf, mayInEvent, mayInRoom } from '../../lib/rights.ts';
import { AgendaView } from '../agenda/AgendaView.tsx';
import { useLiveAgenda } from '../agenda/useLiveAgenda.ts';
import { AnnouncementBanner } from '../chat/Announcements.tsx';
import { CaptionerConsole } from '../captions/CaptionerConsole.tsx';
import { ConsoleLink } from '../console/ConsoleLink.tsx';
import { CaptionsPanel } from '../captions/CaptionsPanel.tsx';
import { TranscriptControls } from '../captions/TranscriptControls.tsx';
import { useCaptions, useTranscriptState } from '../captions/useCaptions.ts';
import { HandButton } from '../hands/HandPanel.tsx';
import { useHands } from '../hands/useHands.ts';
import { GroupNotes, PlenaryNotes } from '../notes/NotesPanels.tsx';
import { ResultsPanel } from '../results/ResultsPanel.tsx';
import { ResultsInPlenary } from '../results/ResultsInPlenary.tsx';
import { usePlenaryResults } from '../results/usePlenaryResults.ts';
import { GroupChooser } from '../phases/GroupChooser.tsx';
import { HelpRequests } from '../phases/HelpRequests.tsx';
import { phaseView } from '../phases/my-phase.ts';
import { PollsPanel } from '../polls/PollsPanel.tsx';
import { usePhases } from '../phases/usePhases.ts';
import { usePresence } from '../presence/usePresence.ts';
import { useQuestions } from '../questions/useQuestions.ts';
import { ReactionOverlay } from '../reactions/ReactionOverlay.tsx';
import { ReactionsMenu } from '../reactions/ReactionsMenu.tsx';
import { useReactions } from '../reactions/useReactions.ts';
import { RoomBanner } from '../rooms/RoomBanner.tsx';
import { LogoutButton } from '../sessions/LogoutButton.tsx';
import type { RoomChange } from '../rooms/room-switch.ts';
import { NowOnStage } from '../stage/NowOnStage.tsx';
import { StageArea } from '../stage/StageArea.tsx';
import { useRoomSwitch } from '../rooms/useRoomSwitch.ts';
import { useFollowStage } from '../rooms/useFollowStage.ts';
import { useStageSpeakers } from '../stage/useStageSpeakers.ts';
import { GroupVisit } from '../visits/GroupVisit.tsx';
import { VisitNotices } from '../visits/VisitNotices.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { EventSideTabs, showsSpeakingNow } from './EventSideTabs.tsx';
import type { EventOverview } from './useEventOverview.ts';

/**
 * The conference screen, a layout of the features: where one is, the stage, the conversation, the
 * agenda. Each part decides what to show by `can()`, through the actor.
 */
export function EventLive({ overview }: { overview: EventOverview }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { me, event, role, rooms } = overview;
  const myId = me.person.id;
  const plenary = rooms.find((r) => r.kind === 'plenary') ?? rooms[0]!;
  const actor = useMemo(() => actorOf(myId, event.id, role, rooms), [myId, event.id, role, rooms]);

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
  // The stage switches rooms at once (StageArea reads roomSwitch); the rest of the page follows
  // when the new stage shows its first picture (useFollowStage).
  const { state, stageSettled } = useFollowStage(roomSwitch.state, plenary.id);
  const stageRoom: Pick<Room, 'id' | 'kind'> = roomSwitch.state.media?.room ?? plenary;
  const room: Pick<Room, 'id' | 'name' | 'kind'> = state.media?.room ?? plenary;
  const inGroup = room.kind === 'working_group';

  const agenda = useLiveAgenda(event.id, overview.agenda);
  const [peopleShown, setPeopleShown] = useState(false);
  const presence = usePresence(
    room.id,
    peopleShown || showsSpeakingNow(actor, room) ? 'everyone' : 'featured',
  );
  const stageSpeakerIds = useStageSpeakers(agenda, presence);
  const stage = useMemo(() => ({ actor, speakerIds: stageSpeakerIds }), [actor, stageSpeakerIds]);
  const hands = useHands(room.id);
  const questions = useQuestions();
  // Reactions float on the stage: they follow it at once.
  const reactions = useReactions(stageRoom.id);
  const captions = useCaptions(room.id);
  const transcript = useTranscriptState(event.slug);
  const phases = phaseView(
    usePhases(overview.phases),
    { inGroup, phaseId: state.phaseId, deadlineAt: state.deadlineAt },
    mayInEvent(actor, 'phase.participate'),
  );
  const steers = mayInEvent(actor, 'room.visitAny');
  const plenaryResults = usePlenaryResults();
  const shownResults = inGroup ? null : plenaryResults.results;
  const presentsResults = mayInEvent(actor, 'results.present');
  const organizes = (
    ['agenda.manage', 'room.manage', 'phase.run', 'invitation.manage'] as const
  ).some((action) => mayInEvent(actor, action));
  // Those who present in the plenary anyway need no hand to raise.
  // The stage's control bar offers what the stage's room allows, also before the page followed.
  const raisesHand =
    stageRoom.kind === 'plenary' &&
    !inGroup &&
    mayInRoom(actor, 'hand.raise', stageRoom) &&
    !mayInEvent(actor, 'plenary.present');

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
      {mayInEvent(actor, 'help.read') && <HelpRequests />}
      <RoomBanner
        room={room}
        phaseId={inGroup ? (phases.mine?.id ?? null) : null}
        deadlineAt={phases.deadlineAt}
        change={room.id === stageRoom.id ? roomSwitch.lastChange : null}
      />
      <VisitNotices room={room} />
      {steers && (
        <GroupVisit
          phase={phases.open}
          room={room}
          plenaryId={plenary.id}
          onVisit={roomSwitch.visit}
        />
      )}

      <div className="event-grid">
        <div className="event-main">
          <NowOnStage items={agenda} timeZone={event.timeZone} />
          {phases.choosable && <GroupChooser phase={phases.choosable} />}
          <div className="stage-and-results">
            <div className="stage-with-overlays">
              <StageArea
                roomSwitch={roomSwitch}
                onStageSettled={stageSettled}
                role={role}
                stage={stage}
                slots={{
                  hand: raisesHand ? <HandButton hands={hands} myId={myId} /> : null,
                  reactions: mayInRoom(actor, 'reaction.send', stageRoom) ? (
                    <ReactionsMenu reactions={reactions} />
                  ) : null,
                }}
              />
              <ReactionOverlay reactions={reactions} />
            </div>
            {shownResults && (
              <ResultsInPlenary
                key={shownResults.phaseId}
                results={shownResults}
                onHide={
                  presentsResults ? () => plenaryResults.hide(shownResults.phaseId) : undefined
                }
              />
            )}
          </div>
          <CaptionsPanel captions={captions} />
          {mayInRoom(actor, 'caption.write', room) && (
            <CaptionerConsole
              key={`captioner:${room.id}`}
              room={room}
              transcriptOn={transcript.enabled}
            />
          )}
          {mayInEvent(actor, 'caption.transcript') && (
            <TranscriptControls slug={event.slug} transcript={transcript} />
          )}
          <PollsPanel key={room.id} room={room} actor={actor} />
          {inGroup && phases.mine && (
            <GroupNotes key={`${phases.mine.id}:${room.id}`} phaseId={phases.mine.id} room={room} />
          )}
          {!inGroup && <PlenaryNotes />}
          {phases.lastClosed && (
            <ResultsPanel
              phase={phases.lastClosed}
              plenary={
                presentsResults
                  ? {
                      shown: plenaryResults.results?.phaseId === phases.lastClosed.id,
                      show: () => plenaryResults.show(phases.lastClosed!.id),
                      hide: () => plenaryResults.hide(phases.lastClosed!.id),
                    }
                  : undefined
              }
            />
          )}
        </div>
        <div className="event-side">
          <EventSideTabs
            room={room}
            actor={actor}
            timeZone={event.timeZone}
            presence={presence}
            onPeopleShown={setPeopleShown}
            hands={hands}
            questions={questions}
          />
        </div>
      </div>
      {organizes && <ConsoleLink slug={event.slug} />}
      <AgendaView items={agenda} timeZone={event.timeZone} />
    </div>
  );
}
