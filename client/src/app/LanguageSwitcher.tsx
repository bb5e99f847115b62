import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from './i18n/index.ts';
import { useAnnounce } from './status.tsx';

/** Offers the other language, named in that language (and marked up so it is read out in it). */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const announce = useAnnounce();
  const other = language === 'de' ? 'en' : 'de';

  const switchLanguage = () => {
    setLanguage(other);
    announce(t('language.changed', { lng: other }));
  };

  return (
    <button type="button" className="button button-quiet" lang={other} onClick={switchLanguage}>
      {t('language.other')}
    </button>
  );
}
