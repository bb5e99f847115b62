import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generalErrorKey } from '../../app/errorMessages.ts';
import { navigate } from '../../app/navigation.ts';
import { paths } from '../../app/routes.ts';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';

export function LogoutButton() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api.logout();
      navigate(paths.landing(), { notice: 'loggedOut' });
    } catch (error) {
      setBusy(false);
      announce(t(generalErrorKey(error)));
    }
  };

  return (
    <button type="button" className="button" aria-disabled={busy || undefined} onClick={logout}>
      {t(busy ? 'event.loggingOut' : 'event.logout')}
    </button>
  );
}
