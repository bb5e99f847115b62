import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../app/status.tsx';
import { useConnectionState } from '../realtime/RealtimeContext.tsx';

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
    case 'refused':
      return (
        <p className="connection connection-lost">
          {t(state.code === 'unauthenticated' ? 'connection.signedOut' : 'connection.refused')}
        </p>
      );
  }
}
