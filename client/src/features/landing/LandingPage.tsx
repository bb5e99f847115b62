import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../app/navigation.ts';
import { useAnnounce } from '../../app/status.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';

export function LandingPage() {
  const { t } = useTranslation();
  const notice = useNotice();
  const announce = useAnnounce();
  useDocumentTitle(t('landing.title'));

  useEffect(() => {
    if (notice === 'loggedOut') announce(t('landing.loggedOut'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announced once, not again when the language changes
  }, [notice, announce]);

  return (
    <section className="panel" aria-labelledby="page-heading">
      {notice === 'loggedOut' && <p className="notice">{t('landing.loggedOut')}</p>}
      <h1 id="page-heading">{t('landing.heading')}</h1>
      <p>{t('landing.text')}</p>
      <p>{t('landing.help')}</p>
    </section>
  );
}
