import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generalErrorKey } from '../../app/errorMessages.ts';
import { navigate } from '../../app/navigation.ts';
import { paths } from '../../app/routes.ts';
import { useAnnounce } from '../../app/status.tsx';
import { api } from '../../lib/api.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { forgetJoined, tabStorage } from './joined-links.ts';

/** Logging out asks first (it ends the stage and the chat): a dialog, Escape or "Abbrechen" stay. */
export function LogoutButton() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api.logout();
      // Opening an invitation link again in this tab then signs in again.
      forgetJoined(tabStorage());
      navigate(paths.landing(), { notice: 'loggedOut' });
    } catch (error) {
      setBusy(false);
      announce(t(generalErrorKey(error)));
    }
  };

  return (
    <ConfirmButton
      label={t(busy ? 'event.loggingOut' : 'event.logout')}
      title={t('event.logoutConfirm.title')}
      text={t('event.logoutConfirm.text')}
      confirmLabel={t('event.logout')}
      busy={busy}
      onConfirm={() => void logout()}
    />
  );
}
