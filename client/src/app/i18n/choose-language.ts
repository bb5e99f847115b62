export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/**
 * The language a page starts in: the one chosen before, else the browser's first preference we
 * speak (en-GB → English, de-AT → German), else German — the audience is the German public
 * sector, so a French or Polish browser reads German.
 */
export function chooseLanguage(
  stored: string | null,
  browserLanguages: readonly string[] | undefined,
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'de';
}
