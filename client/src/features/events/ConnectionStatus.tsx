import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import { useConnectionState, useRealtime } from '../realtime/RealtimeContext.tsx';

/** The live connection, said honestly: connected, being restored, or refused for good. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const state = useConnectionState();
  const wasLost = useRef(false);

  useEffect(() => {
    if (state.status === 'reconnecting' && !wasLost.current) {
      wasLost.current = true;
      announce(t('connection.lost'));
    } else if (state.status === 'connected' && wasLost.current) {
      wasLost.current = false;
      announce(t('connection.restored'));
    }
  }, [state.status, announce, t]);

  switch (state.status) {
    case 'connected':
      return <p className="connection connection-ok">{t('connection.connected')}</p>;
    case 'connecting':
      return <p className="connection">{t('connection.connecting')}</p>;
    case 'reconnecting':
      return <p className="connection connection-lost">{t('connection.lost')}</p>;
    case 'closed':
      return <p className="connection connection-lost">{t('connection.closed')}</p>;
    case 'ended':
      return <ConnectionEnded reason={state.reason} />;
    case 'refused':
      return (
        <p className="connection connection-lost">
          {t(state.code === 'unauthenticated' ? 'connection.signedOut' : 'connection.refused')}
        </p>
      );
  }
}

/**
 * The server closed this page's connection and said why: what happened, and what to do. An
 * alert, so that screen readers say it at once; nothing reconnects by itself.
 */
function ConnectionEnded({ reason }: { reason: 'session_ended' | 'too_many_connections' }) {
  const { t } = useTranslation();
  const realtime = useRealtime();
  return (
    <div className="connection-ended" role="alert">
      <p className="connection connection-lost">{t('connection.closed')}</p>
      <p>
        <strong>{t(`connection.ended.${reason}.what`)}</strong>{' '}
        {t(`connection.ended.${reason}.todo`)}
      </p>
      {reason === 'too_many_connections' && (
        <button type="button" className="button" onClick={() => realtime.reconnect()}>
          {t('connection.ended.continueHere')}
        </button>
      )}
    </div>
  );
}
