import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import de from './de.json';
import en from './en.json';

import { chooseLanguage, isLanguage, languages, type Language } from './choose-language.ts';

export { languages, type Language };

/** Formatting locales: British English keeps day-month order and the 24-hour clock. */
const intlLocales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

const storageKey = 'plenum.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage blocked (privacy settings): the browser's language, no memory of the choice
  }
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  // German first; an English browser reads English (choose-language.ts).
  lng: chooseLanguage(storedLanguage(), globalThis.navigator?.languages),
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
