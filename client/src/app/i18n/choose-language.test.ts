import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './choose-language.ts';

describe('the language a page starts in', () => {
  it.each([
    ['an en-GB browser starts in English', null, ['en-GB', 'en'], 'en'],
    ['an en-US browser with German second starts in English', null, ['en-US', 'de'], 'en'],
    ['a German browser starts in German', null, ['de-DE', 'en'], 'de'],
    ['a French browser with English second starts in English', null, ['fr-FR', 'en'], 'en'],
    ['a Polish-only browser starts in German', null, ['pl-PL'], 'de'],
    ['no browser languages at all: German', null, undefined, 'de'],
    ['the choice made before wins over the browser', 'de', ['en-GB'], 'de'],
    ['a stored value we do not speak is ignored', 'fr', ['en-GB'], 'en'],
  ] as const)('%s', (_name, stored, browser, expected) => {
    expect(chooseLanguage(stored, browser)).toBe(expected);
  });
});
