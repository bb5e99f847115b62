import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import de from './de.json';
import en from './en.json';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

/** Formatting locales: British English keeps day-month order and the 24-hour clock. */
const intlLocales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

const storageKey = 'plenum.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage blocked (privacy settings): German, and no memory of the choice
  }
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  // German first: the audience is the German public sector, whatever the browser says.
  lng: storedLanguage() ?? 'de',
  fallbackLng: 'de',
  supportedLngs: languages,
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled, so the first render is already translated
});

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // the choice then lasts for this page only
  }
  void i18next.changeLanguage(language);
}

/** The current UI language and the locale to format dates with. */
export function useLanguage(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'de';
  return { language, locale: intlLocales[language] };
}
