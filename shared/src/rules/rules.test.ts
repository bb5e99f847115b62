import { describe, expect, it } from 'vitest';
import { agendaLimits } from '../limits/limits.ts';
import { DisplayName } from '../people/schemas.ts';
import { checkText, checkWholeNumber, namePattern, normalizePlainText } from './rules.ts';

describe('text rules', () => {
  it('trims text and checks it is there and not too long', () => {
    expect(checkText('  AG 1 ', 10)).toEqual({ ok: true, value: 'AG 1' });
    expect(checkText('   ', 10)).toEqual({ ok: false, error: { key: 'required' } });
    expect(checkText('', 10, true)).toEqual({ ok: true, value: '' });
    expect(checkText('x'.repeat(11), 10)).toEqual({
      ok: false,
      error: { key: 'tooLong', max: 10 },
    });
  });

  it('turns Windows line breaks into plain ones and trims the ends', () => {
    expect(normalizePlainText(' eins\r\nzwei\rdrei \n')).toBe('eins\nzwei\ndrei');
  });

  it('a name refused by the pattern is refused by the schema', () => {
    for (const name of ['Anna', 'Anna\u200bBerg', 'Anna\nBerg', 'Jörg Müller']) {
      expect(DisplayName.safeParse(name).success).toBe(namePattern.test(name));
    }
  });
});

describe('whole numbers', () => {
  it.each([
    ['30', { ok: true, value: 30 }],
    [' +5 ', { ok: true, value: 5 }],
    ['-10', { ok: true, value: -10 }],
    ['2.5', { ok: false, error: { key: 'wholeNumber' } }],
    ['1e3', { ok: false, error: { key: 'wholeNumber' } }],
    ['500', { ok: false, error: { key: 'numberRange', min: -240, max: 240 } }],
    ['', { ok: false, error: { key: 'required' } }],
  ])('reads %j as a whole number', (text, expected) => {
    expect(checkWholeNumber(text, agendaLimits.shiftMinutes)).toEqual(expected);
  });

  it('reads an empty optional number as none', () => {
    expect(checkWholeNumber(' ', { min: 1, max: 10 }, true)).toEqual({ ok: true, value: null });
  });
});
