import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { MessageText } from './MessageText.tsx';

/**
 * The newest announcement of the organizers, shown above everything until dismissed. One meant
 * for the working groups ("5 minutes left") goes when the person leaves the group.
 */
export function AnnouncementBanner({ roomKind }: { roomKind: 'plenary' | 'working_group' }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [latest, setLatest] = useState<ChatMessage | null>(null);

  useEffect(() => {
    if (roomKind === 'plenary') {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- back in the plenary, the working groups' announcement goes
      setLatest((current) => (current?.scope === 'working_groups' ? null : current));
    }
  }, [roomKind]);

  useServerEvent('chat:message', (message) => {
    if (message.roomId !== null) return;
    setLatest(message);
    announce(t('announcements.new', { text: message.body }));
  });
  useServerEvent('chat:deleted', ({ messageId }) => {
    setLatest((current) => (current?.id === messageId ? null : current));
  });

  if (!latest) return null;
  return (
    <aside className="announcement-banner" aria-labelledby="announcement-heading">
      <h2 id="announcement-heading" className="announcement-heading">
        {t('announcements.heading', {
          name: latest.author?.displayName ?? t('chat.unknownAuthor'),
        })}
      </h2>
      <p className="announcement-text">
        <MessageText text={latest.body} />
      </p>
      <button type="button" className="button button-quiet" onClick={() => setLatest(null)}>
        {t('announcements.dismiss')}
      </button>
    </aside>
  );
}
