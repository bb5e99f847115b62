import { useTranslation } from 'react-i18next';
import type { Actor, Event } from '@plenum/shared';
import type { PresenceMap } from '../presence/presence.ts';
import { mayInEvent } from '../../lib/rights.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { AgendaEditor } from '../agenda/AgendaEditor.tsx';
import { AttendancePanel } from '../attendance/AttendancePanel.tsx';
import { AuditPanel } from '../audit/AuditPanel.tsx';
import { EventLinksForm } from '../events/EventLinksForm.tsx';
import './console.css';
import { InvitationsPanel } from '../invitations/InvitationsPanel.tsx';
import { PhasesPanel } from '../phases/PhasesPanel.tsx';
import { RoomsEditor } from '../rooms/RoomsEditor.tsx';
import { useConsoleRooms } from '../rooms/useConsoleRooms.ts';

export interface ConsoleProps {
  event: Pick<Event, 'id' | 'slug' | 'startsAt' | 'timeZone' | 'privacyUrl' | 'imprintUrl'>;
  actor: Actor;
  /** Everyone in the event, for choosing moderators and moving people. */
  presence: PresenceMap;
  /** Switches this page's stage to a working group ("Gruppe besuchen"). */
  onVisit: (roomId: string) => Promise<boolean>;
}

/**
 * The organizer console, loaded on demand and only for those the server lets run the event.
 * Each part shows only if `can()` allows it; the server decides again on every request.
 */
export default function OrganizerConsole({ event, actor, presence, onVisit }: ConsoleProps) {
  const { t } = useTranslation();
  const rooms = useConsoleRooms(event.slug);
  const may = (action: Parameters<typeof mayInEvent>[1]) => mayInEvent(actor, action);

  const tabs = [
    ...(may('agenda.manage') || may('schedule.run')
      ? [
          {
            id: 'agenda',
            label: t('console.tabs.agenda'),
            content: (
              <AgendaEditor
                event={event}
                canEdit={may('agenda.manage')}
                canRun={may('schedule.run')}
              />
            ),
          },
        ]
      : []),
    ...(may('room.manage')
      ? [
          {
            id: 'groups',
            label: t('console.tabs.groups'),
            content: <RoomsEditor slug={event.slug} rooms={rooms} presence={presence} />,
          },
        ]
      : []),
    ...(may('phase.run')
      ? [
          {
            id: 'phases',
            label: t('console.tabs.phases'),
            content: (
              <PhasesPanel
                slug={event.slug}
                timeZone={event.timeZone}
                groups={rooms.groups}
                presence={presence}
                myId={actor.personId}
                canMove={may('assignment.move')}
                canBroadcast={may('announcement.broadcast')}
                onVisit={onVisit}
              />
            ),
          },
        ]
      : []),
    ...(may('invitation.manage')
      ? [
          {
            id: 'invitations',
            label: t('console.tabs.invitations'),
            content: <InvitationsPanel event={event} />,
          },
        ]
      : []),
    ...(may('attendance.read')
      ? [
          {
            id: 'attendance',
            label: t('console.tabs.attendance'),
            content: <AttendancePanel event={event} />,
          },
        ]
      : []),
    ...(may('audit.read')
      ? [{ id: 'audit', label: t('console.tabs.audit'), content: <AuditPanel event={event} /> }]
      : []),
    ...(may('event.edit')
      ? [{ id: 'event', label: t('console.tabs.event'), content: <EventLinksForm event={event} /> }]
      : []),
  ];
  if (tabs.length === 0) return null;

  return (
    <section className="console" aria-labelledby="console-heading">
      <h2 id="console-heading">{t('console.heading')}</h2>
      <Tabs label={t('console.tabs.label')} tabs={tabs} idPrefix="console" />
    </section>
  );
}
