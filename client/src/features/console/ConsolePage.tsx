import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '@plenum/shared';
import { Link } from '../../app/Link.tsx';
import { paths } from '../../app/routes.ts';
import { useAnnounce } from '../../app/status.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useShowEventLinks } from '../../app/useSiteInfo.ts';
import { actorOf, mayInEvent, mayInRoom } from '../../lib/rights.ts';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import type { EventOverview } from '../events/useEventOverview.ts';
import { useEventOverview } from '../events/useEventOverview.ts';
import { phaseView } from '../phases/my-phase.ts';
import { usePhases } from '../phases/usePhases.ts';
import { usePresence } from '../presence/usePresence.ts';
import { RealtimeProvider } from '../realtime/RealtimeContext.tsx';
import { RoomBanner } from '../rooms/RoomBanner.tsx';
import { ConnectionStatus } from '../events/ConnectionStatus.tsx';
import { LogoutButton } from '../sessions/LogoutButton.tsx';
import type { RoomChange } from '../rooms/room-switch.ts';
import { StageArea } from '../stage/StageArea.tsx';
import { useRoomSwitch } from '../rooms/useRoomSwitch.ts';
import { GroupVisit } from '../visits/GroupVisit.tsx';
import './console.css';

const OrganizerConsole = lazy(() => import('./OrganizerConsole.tsx'));

/**
 * The organizer's own view: the console's parts, and beside them a small live stage and the
 * room's chat, so that one can watch and steer at once.
 */
export default function ConsolePage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const overview = useEventOverview(slug);
  useDocumentTitle(
    overview.status === 'done'
      ? t('console.pageTitle', { title: overview.data.event.title })
      : t('console.heading'),
  );
  useShowEventLinks(overview.status === 'done' ? overview.data.event : null);
  if (overview.status !== 'done') {
    return (
      <section className="panel" aria-busy={overview.status === 'loading'}>
        <p className={overview.status === 'loading' ? 'loading' : 'error-text'}>
          {t(overview.status === 'loading' ? 'console.loading' : 'event.unauthenticated')}
        </p>
        {overview.status === 'failed' && (
          <Link href={paths.event(slug)} className="button">
            {t('console.backToEvent')}
          </Link>
        )}
      </section>
    );
  }
  return (
    <RealtimeProvider slug={slug}>
      <ConsoleView overview={overview.data} />
    </RealtimeProvider>
  );
}

function ConsoleView({ overview }: { overview: EventOverview }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { me, event, role, rooms } = overview;
  const plenary = rooms.find((r) => r.kind === 'plenary') ?? rooms[0]!;
  const actor = useMemo(
    () => actorOf(me.person.id, event.id, role, rooms),
    [me.person.id, event.id, role, rooms],
  );
  const onRoomChange = useCallback(
    (change: RoomChange) =>
      announce(
        t(change.kind === 'plenary' ? 'groups.movedToPlenary' : 'groups.nowInGroup', {
          room: change.name,
        }),
      ),
    [announce, t],
  );
  const roomSwitch = useRoomSwitch(plenary.id, onRoomChange);
  const { state } = roomSwitch;
  const room: Pick<Room, 'id' | 'name' | 'kind'> = state.media?.room ?? plenary;
  const inGroup = room.kind === 'working_group';
  const presence = usePresence(room.id, 'everyone');
  const phases = phaseView(
    usePhases(overview.phases),
    { inGroup, phaseId: state.phaseId, deadlineAt: state.deadlineAt },
    false,
  );

  return (
    <div className="console-view">
      <header className="event-header">
        <div>
          <h1 id="page-heading">{event.title}</h1>
          <p className="meta">
            <Link href={paths.event(event.slug)}>{t('console.backToEvent')}</Link>
          </p>
        </div>
        <div className="event-header-side">
          <ConnectionStatus />
          <LogoutButton />
        </div>
      </header>
      <div className="console-view-grid">
        <div className="console-view-main">
          <Suspense fallback={<p className="loading">{t('console.loading')}</p>}>
            <OrganizerConsole
              event={event}
              actor={actor}
              presence={presence}
              onVisit={roomSwitch.visit}
            />
          </Suspense>
        </div>
        <aside className="console-view-side" aria-label={t('console.beside')}>
          <RoomBanner
            room={room}
            phaseId={inGroup ? (phases.mine?.id ?? null) : null}
            deadlineAt={phases.deadlineAt}
            change={roomSwitch.lastChange}
          />
          {mayInEvent(actor, 'room.visitAny') && (
            <GroupVisit
              phase={phases.open}
              room={room}
              plenaryId={plenary.id}
              onVisit={roomSwitch.visit}
            />
          )}
          <div className="console-stage">
            <StageArea
              roomSwitch={roomSwitch}
              role={role}
              slots={{ hand: null, reactions: null }}
            />
          </div>
          <div className="console-chat">
            <ChatPanel
              key={room.id}
              room={room}
              timeZone={event.timeZone}
              canModerate={mayInRoom(actor, 'chat.moderate', room)}
              canModerateAnnouncements={mayInEvent(actor, 'announcement.broadcast')}
            />
          </div>
        </aside>
      </div>
    </div>
  );
}
