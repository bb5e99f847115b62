import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, HelpRequest } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { MessageText } from './MessageText.tsx';
import { useHelpRequests } from '../phases/useHelpRequests.ts';
import { liveErrorKey } from '../realtime/errors.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';

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

/**
 * For organizers and moderators: groups waiting for help, above everything, until someone marks
 * them done (here, in the console, or on another screen: the server's list is the truth).
 */
export function HelpRequests() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const help = useHelpRequests(true);
  const open = help.requests.filter((r) => r.resolvedAt === null).slice(0, 10);

  useServerEvent('help:requested', (request) => {
    announce(t('help.requested', { room: request.roomName, name: request.displayName ?? '' }));
  });
  const markDone = async (request: HelpRequest) => {
    try {
      await help.done(request.id);
      announce(t('help.markedDone', { room: request.roomName }));
    } catch (error) {
      announce(t(liveErrorKey(error)));
    }
  };

  if (open.length === 0) return null;
  return (
    <section className="help-requests" aria-labelledby="help-heading">
      <h2 id="help-heading" className="panel-heading">
        {t('help.heading')}
      </h2>
      <ul>
        {open.map((r) => (
          <li key={r.id}>
            {t('help.entry', { room: r.roomName, name: r.displayName ?? t('chat.unknownAuthor') })}
            {r.message && <> — {r.message}</>}{' '}
            <button type="button" className="link-button" onClick={() => void markDone(r)}>
              {t('help.done')}
              <span className="visually-hidden"> {r.roomName}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
