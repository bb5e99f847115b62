import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { liveErrorKey } from '../realtime/errors.ts';
import { useServerEvent } from '../realtime/RealtimeContext.tsx';
import { useHelpRequests } from './useHelpRequests.ts';

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
