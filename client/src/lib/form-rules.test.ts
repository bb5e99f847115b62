import { describe, expect, it } from 'vitest';
import { checkText, checkWholeNumber } from '@plenum/shared/rules';
import {
  checkMinutes,
  fieldErrorsFromServer,
  shownFormError,
  firstInvalid,
  formatIsoDate,
} from './form-rules.ts';

describe('form rules', () => {
  it('trims text and checks it is there and not too long', () => {
    expect(checkText('  AG 1 ', 10)).toEqual({ ok: true, value: 'AG 1' });
    expect(checkText('   ', 10)).toEqual({ ok: false, error: { key: 'required' } });
    expect(checkText('', 10, true)).toEqual({ ok: true, value: '' });
    expect(checkText('x'.repeat(11), 10)).toEqual({
      ok: false,
      error: { key: 'tooLong', max: 10 },
    });
  });

  it.each([
    ['30', { ok: true, value: 30 }],
    [' +5 ', { ok: true, value: 5 }],
    ['-10', { ok: true, value: -10 }],
    ['2.5', { ok: false, error: { key: 'wholeNumber' } }],
    ['1e3', { ok: false, error: { key: 'wholeNumber' } }],
    ['500', { ok: false, error: { key: 'numberRange', min: -240, max: 240 } }],
    ['', { ok: false, error: { key: 'required' } }],
  ])('reads %j as a whole number', (text, expected) => {
    expect(checkWholeNumber(text, { min: -240, max: 240 })).toEqual(expected);
  });

  it('reads an empty optional number as none', () => {
    expect(checkWholeNumber(' ', { min: 1, max: 10 }, true)).toEqual({ ok: true, value: null });
  });

  it('finds the first invalid field in form order', () => {
    expect(firstInvalid(['a', 'b', 'c'], { c: { key: 'required' }, b: { key: 'required' } })).toBe(
      'b',
    );
    expect(firstInvalid(['a'], {})).toBeUndefined();
  });

  it('places server field errors at known fields', () => {
    expect(
      fieldErrorsFromServer(
        { 'body.capacity': 'too big', 'body.moderatorIds': 'not a moderator', other: 'x' },
        ['name', 'capacity', 'moderators'] as const,
        { moderatorIds: 'moderators' },
      ),
    ).toEqual({
      errors: {
        capacity: { key: 'rejected', detail: 'too big' },
        moderators: { key: 'rejected', detail: 'not a moderator' },
      },
      unassigned: ['x'],
    });
  });

  it('a German page never shows the server’s English reason for a refused field', () => {
    const refused = { key: 'rejected', detail: 'at most 200 characters' } as const;
    expect(shownFormError(refused, 'de')).toEqual({ key: 'rejectedPlain' });
    expect(shownFormError(refused, 'en')).toEqual(refused);
    expect(shownFormError({ key: 'required' }, 'de')).toEqual({ key: 'required' });
  });

  it('formats a calendar date for the reader', () => {
    expect(formatIsoDate('2026-03-12', 'de-DE')).toBe('12.03.2026');
    expect(formatIsoDate('2026-03-12', 'en-GB')).toBe('12 Mar 2026');
    expect(formatIsoDate('soon', 'de-DE')).toBe('soon');
  });
});

describe('minutes', () => {
  it('allows a gain when shifting but never zero', () => {
    expect(checkMinutes('-15', 'agendaShift')).toEqual({ ok: true, value: -15 });
    expect(checkMinutes('0', 'agendaShift')).toEqual({ ok: false, error: { key: 'notZero' } });
  });

  it('extends by at least a minute, a phase by at most two hours', () => {
    expect(checkMinutes('-5', 'agendaExtend')).toEqual({
      ok: false,
      error: { key: 'numberRange', min: 1, max: 240 },
    });
    expect(checkMinutes('150', 'phaseExtend')).toEqual({
      ok: false,
      error: { key: 'numberRange', min: 1, max: 120 },
    });
    expect(checkMinutes('10', 'phaseExtend')).toEqual({ ok: true, value: 10 });
  });
});
