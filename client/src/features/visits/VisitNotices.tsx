import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitNotice } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { applyVisitNotice, type Visitors } from './visit-notices.ts';

/**
 * "Miriam Özdemir (Moderation) besucht diese Gruppe": the people of a room see, and hear from
 * their screen reader, who is looking in, until that person goes again.
 */
export function VisitNotices({
  room,
}: {
  room: { id: string; kind: 'plenary' | 'working_group' };
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [visitors, setVisitors] = useState<Visitors>([]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a new room starts without the last room's visitors
  useEffect(() => setVisitors([]), [room.id]);

  const line = (visitor: VisitNotice['visitor']) =>
    t(room.kind === 'plenary' ? 'visits.inPlenary' : 'visits.inGroup', {
      name: visitor.displayName,
      role: visitor.role ? t(`roles.${visitor.role}`) : t('visits.guest'),
    });
  useServerEvent('visit:arrived', (notice) => {
    if (notice.roomId !== room.id) return;
    setVisitors((current) => applyVisitNotice(current, room.id, 'arrived', notice));
    announce(line(notice.visitor));
  });
  useServerEvent('visit:left', (notice) => {
    if (notice.roomId !== room.id) return;
    setVisitors((current) => applyVisitNotice(current, room.id, 'left', notice));
    announce(t('visits.left', { name: notice.visitor.displayName }));
  });

  if (visitors.length === 0) return null;
  return (
    <ul className="notice visit-notices" aria-label={t('visits.label')}>
      {visitors.map((v) => (
        <li key={v.id}>{line(v)}</li>
      ))}
    </ul>
  );
}
